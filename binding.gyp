{
  "targets": [
    {
      "target_name": "cadical_addon",
      "sources": ["src/native/cadical-addon.cc"],
      "cflags_cc": ["-std=c++14", "-O2", "-fexceptions"],
      "defines": ["NAPI_VERSION=8"],
      "libraries": ["-lcadical", "-pthread"],
      "xcode_settings": { "GCC_ENABLE_CPP_EXCEPTIONS": "YES" }
    }
  ]
}
