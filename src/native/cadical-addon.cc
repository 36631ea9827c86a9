// Node-API binding for the CaDiCaL C++ library (Debian package libcadical-dev).
//
// Plain Node-API (node_api.h, ABI-stable, no node-addon-api dependency).
// Used only through src/sat/backends/cadical-native.ts; the JS side validates
// all literals before they reach this file, because CaDiCaL aborts the whole
// process on API contract violations.
//
// Exported functions (handle = napi external wrapping one Handle):
//   version(): string
//   create(proofPath: string | undefined, binaryProof: boolean): handle
//   addClauses(handle, lits: Int32Array)          // zero-terminated clauses
//   solve(handle, assumptions: Int32Array, conflictLimit: number,
//         timeLimitMs: number, numVars: number)
//     -> Promise<{ status: 10 | 20 | 0, model?: Int8Array,
//                  failed?: Int32Array, timedOut: boolean }>
//   solveSync(handle, assumptions: Int32Array, conflictLimit: number,
//             timeLimitMs: number, numVars: number)
//     -> { status, model?, failed?, timedOut }      // same, on the calling thread
//   setOption(handle, name: string, value: number) -> boolean
//     // CaDiCaL's set(); false (and nothing changed) for an unknown option or
//     // once clauses were added or solve was called (CaDiCaL allows set()
//     // only in its CONFIGURING state and aborts the process otherwise)
//   terminate(handle)                              // async-safe stop flag
//   release(handle)                                // frees (deferred if busy)

#include <node_api.h>
#include <cadical.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Handle : public CaDiCaL::Terminator {
  CaDiCaL::Solver *solver = nullptr;
  std::atomic<bool> stop{false};
  bool hasDeadline = false;
  Clock::time_point deadline;
  bool timedOut = false;
  unsigned polls = 0;
  bool busy = false;
  bool released = false;
  bool configuring = true;  // no clause added, no solve yet: set() is legal

  bool terminate() override {
    if (stop.load(std::memory_order_relaxed)) return true;
    if (hasDeadline && (++polls & 63u) == 0 && Clock::now() >= deadline) {
      timedOut = true;
      return true;
    }
    return false;
  }
};

struct SolveWork {
  Handle *h = nullptr;
  napi_async_work work = nullptr;
  napi_deferred deferred = nullptr;
  napi_ref handleRef = nullptr;
  std::vector<int> assumptions;
  int64_t conflictLimit = -1;
  int numVars = 0;
  int status = 0;
};

#define NAPI_CALL(env, call)                                              \
  do {                                                                    \
    if ((call) != napi_ok) {                                              \
      const napi_extended_error_info *info = nullptr;                     \
      napi_get_last_error_info((env), &info);                             \
      bool pending = false;                                               \
      napi_is_exception_pending((env), &pending);                         \
      if (!pending)                                                       \
        napi_throw_error((env), nullptr,                                  \
                         info && info->error_message ? info->error_message \
                                                     : "napi call failed"); \
      return nullptr;                                                     \
    }                                                                     \
  } while (0)

void freeSolver(Handle *h) {
  if (h->solver) {
    h->solver->disconnect_terminator();
    delete h->solver;
    h->solver = nullptr;
  }
}

void finalizeHandle(napi_env, void *data, void *) {
  Handle *h = static_cast<Handle *>(data);
  freeSolver(h);
  delete h;
}

Handle *getHandle(napi_env env, napi_value v) {
  void *data = nullptr;
  if (napi_get_value_external(env, v, &data) != napi_ok || !data) {
    napi_throw_type_error(env, nullptr, "expected a CaDiCaL handle");
    return nullptr;
  }
  return static_cast<Handle *>(data);
}

bool getInt32Array(napi_env env, napi_value v, int32_t **ptr, size_t *len) {
  bool isTyped = false;
  napi_is_typedarray(env, v, &isTyped);
  if (!isTyped) {
    napi_throw_type_error(env, nullptr, "expected an Int32Array");
    return false;
  }
  napi_typedarray_type type;
  void *data = nullptr;
  napi_value buf;
  size_t off = 0;
  napi_get_typedarray_info(env, v, &type, len, &data, &buf, &off);
  if (type != napi_int32_array) {
    napi_throw_type_error(env, nullptr, "expected an Int32Array");
    return false;
  }
  *ptr = static_cast<int32_t *>(data);
  return true;
}

napi_value Version(napi_env env, napi_callback_info) {
  napi_value out;
  NAPI_CALL(env, napi_create_string_utf8(env, CaDiCaL::Solver::version(),
                                         NAPI_AUTO_LENGTH, &out));
  return out;
}

napi_value Create(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  Handle *h = new Handle();
  h->solver = new CaDiCaL::Solver();
  // A library never prints: without this CaDiCaL writes messages such as
  // "c found falsified original clause" to stdout.
  h->solver->set("quiet", 1);
  if (argc >= 1) {
    napi_valuetype t;
    napi_typeof(env, argv[0], &t);
    if (t == napi_string) {
      size_t n = 0;
      napi_get_value_string_utf8(env, argv[0], nullptr, 0, &n);
      std::string path(n, '\0');
      napi_get_value_string_utf8(env, argv[0], &path[0], n + 1, &n);
      bool binary = true;
      if (argc >= 2) napi_get_value_bool(env, argv[1], &binary);
      h->solver->set("binary", binary ? 1 : 0);
      if (!h->solver->trace_proof(path.c_str())) {
        delete h->solver;
        delete h;
        napi_throw_error(env, "proof-open", "cannot open proof file for writing");
        return nullptr;
      }
    }
  }
  napi_value out;
  if (napi_create_external(env, h, finalizeHandle, nullptr, &out) != napi_ok) {
    delete h->solver;
    delete h;
    napi_throw_error(env, nullptr, "cannot create external");
    return nullptr;
  }
  return out;
}

napi_value AddClauses(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  Handle *h = getHandle(env, argv[0]);
  if (!h) return nullptr;
  if (h->busy || !h->solver) {
    napi_throw_error(env, "busy", "solver is busy or released");
    return nullptr;
  }
  int32_t *lits = nullptr;
  size_t len = 0;
  if (!getInt32Array(env, argv[1], &lits, &len)) return nullptr;
  if (len > 0) h->configuring = false;
  for (size_t i = 0; i < len; i++) h->solver->add(lits[i]);
  return nullptr;
}

void ExecuteSolve(napi_env, void *data) {
  SolveWork *w = static_cast<SolveWork *>(data);
  CaDiCaL::Solver *s = w->h->solver;
  for (int lit : w->assumptions) s->assume(lit);
  if (w->conflictLimit >= 0) {
    int lim = w->conflictLimit > INT32_MAX ? INT32_MAX : (int)w->conflictLimit;
    s->limit("conflicts", lim);
  }
  s->connect_terminator(w->h);
  w->status = s->solve();
  s->disconnect_terminator();
}

// Builds { status, timedOut, model?, failed? } after a solve call.
napi_value BuildResult(napi_env env, Handle *h, int status, const std::vector<int> &assumptions,
                       int numVars) {
  napi_value result;
  napi_create_object(env, &result);
  napi_value v;
  napi_create_int32(env, status, &v);
  napi_set_named_property(env, result, "status", v);
  napi_get_boolean(env, h->timedOut, &v);
  napi_set_named_property(env, result, "timedOut", v);
  if (status == 10) {
    napi_value ab, arr;
    void *raw = nullptr;
    size_t n = (size_t)numVars + 1;
    napi_create_arraybuffer(env, n, &raw, &ab);
    int8_t *model = static_cast<int8_t *>(raw);
    model[0] = 0;
    int maxVar = h->solver->vars();
    for (int v = 1; v <= numVars; v++)
      model[v] = (v <= maxVar && h->solver->val(v) > 0) ? 1 : -1;
    napi_create_typedarray(env, napi_int8_array, n, ab, 0, &arr);
    napi_set_named_property(env, result, "model", arr);
  } else if (status == 20) {
    std::vector<int> failed;
    for (int lit : assumptions)
      if (h->solver->failed(lit)) failed.push_back(lit);
    napi_value ab, arr;
    void *raw = nullptr;
    napi_create_arraybuffer(env, failed.size() * 4, &raw, &ab);
    if (!failed.empty()) std::memcpy(raw, failed.data(), failed.size() * 4);
    napi_create_typedarray(env, napi_int32_array, failed.size(), ab, 0, &arr);
    napi_set_named_property(env, result, "failed", arr);
  }
  return result;
}

void CompleteSolve(napi_env env, napi_status st, void *data) {
  SolveWork *w = static_cast<SolveWork *>(data);
  Handle *h = w->h;
  h->busy = false;
  if (st != napi_ok) {
    napi_value msg, err;
    napi_create_string_utf8(env, "solve was cancelled", NAPI_AUTO_LENGTH, &msg);
    napi_create_error(env, nullptr, msg, &err);
    napi_reject_deferred(env, w->deferred, err);
  } else {
    napi_resolve_deferred(env, w->deferred, BuildResult(env, h, w->status, w->assumptions, w->numVars));
  }
  if (h->released) freeSolver(h);
  napi_delete_reference(env, w->handleRef);
  napi_delete_async_work(env, w->work);
  delete w;
}

// Reads solve(handle, assumptions, conflictLimit, timeLimitMs, numVars) into
// `w` and arms the handle's stop flag and deadline. Runs on the main thread,
// so an abort that arrives before the search starts is not lost. Returns
// false with a pending JS exception on bad arguments.
bool PrepareSolve(napi_env env, napi_callback_info info, const char *fname, napi_value *handleArg, SolveWork *w) {
  size_t argc = 5;
  napi_value argv[5];
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok) return false;
  if (argc < 5) {
    std::string msg = std::string(fname) + " expects 5 arguments";
    napi_throw_type_error(env, nullptr, msg.c_str());
    return false;
  }
  Handle *h = getHandle(env, argv[0]);
  if (!h) return false;
  if (h->busy || !h->solver) {
    napi_throw_error(env, "busy", "solver is busy or released");
    return false;
  }
  int32_t *assumptions = nullptr;
  size_t nAssumptions = 0;
  if (!getInt32Array(env, argv[1], &assumptions, &nAssumptions)) return false;
  double conflictLimit = -1, timeLimitMs = -1;
  int32_t numVars = 0;
  if (napi_get_value_double(env, argv[2], &conflictLimit) != napi_ok ||
      napi_get_value_double(env, argv[3], &timeLimitMs) != napi_ok ||
      napi_get_value_int32(env, argv[4], &numVars) != napi_ok) {
    napi_throw_type_error(env, nullptr, "solve limits must be numbers");
    return false;
  }
  h->configuring = false;
  w->h = h;
  w->assumptions.assign(assumptions, assumptions + nAssumptions);
  w->conflictLimit = conflictLimit >= 0 ? (int64_t)conflictLimit : -1;
  w->numVars = numVars < 0 ? 0 : numVars;
  h->stop.store(false);
  h->timedOut = false;
  h->polls = 0;
  h->hasDeadline = timeLimitMs >= 0;
  if (h->hasDeadline)
    h->deadline = Clock::now() + std::chrono::microseconds((int64_t)(timeLimitMs * 1000));
  *handleArg = argv[0];
  return true;
}

napi_value Solve(napi_env env, napi_callback_info info) {
  SolveWork *w = new SolveWork();
  napi_value handleArg;
  if (!PrepareSolve(env, info, "solve", &handleArg, w)) {
    delete w;
    return nullptr;
  }
  napi_value promise, name;
  NAPI_CALL(env, napi_create_promise(env, &w->deferred, &promise));
  NAPI_CALL(env, napi_create_reference(env, handleArg, 1, &w->handleRef));
  NAPI_CALL(env, napi_create_string_utf8(env, "cadical-solve", NAPI_AUTO_LENGTH, &name));
  NAPI_CALL(env, napi_create_async_work(env, nullptr, name, ExecuteSolve, CompleteSolve, w,
                                        &w->work));
  NAPI_CALL(env, napi_queue_async_work(env, w->work));
  w->h->busy = true;
  return promise;
}

napi_value SolveSync(napi_env env, napi_callback_info info) {
  SolveWork w;
  napi_value handleArg;
  if (!PrepareSolve(env, info, "solveSync", &handleArg, &w)) return nullptr;
  ExecuteSolve(env, &w);
  return BuildResult(env, w.h, w.status, w.assumptions, w.numVars);
}

napi_value SetOption(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  if (argc < 3) {
    napi_throw_type_error(env, nullptr, "setOption expects 3 arguments");
    return nullptr;
  }
  Handle *h = getHandle(env, argv[0]);
  if (!h) return nullptr;
  size_t n = 0;
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[1], nullptr, 0, &n));
  std::string name(n, '\0');
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[1], &name[0], n + 1, &n));
  int32_t value = 0;
  NAPI_CALL(env, napi_get_value_int32(env, argv[2], &value));
  bool ok = h->solver && !h->busy && h->configuring &&
            CaDiCaL::Solver::is_valid_option(name.c_str()) && h->solver->set(name.c_str(), value);
  napi_value out;
  NAPI_CALL(env, napi_get_boolean(env, ok, &out));
  return out;
}

napi_value Terminate(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  Handle *h = getHandle(env, argv[0]);
  if (!h) return nullptr;
  h->stop.store(true);
  return nullptr;
}

napi_value Release(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  Handle *h = getHandle(env, argv[0]);
  if (!h) return nullptr;
  h->released = true;
  if (h->busy) {
    h->stop.store(true);  // freed in CompleteSolve
  } else {
    freeSolver(h);
  }
  return nullptr;
}

napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"version", nullptr, Version, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"create", nullptr, Create, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"addClauses", nullptr, AddClauses, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"solve", nullptr, Solve, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"solveSync", nullptr, SolveSync, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"setOption", nullptr, SetOption, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"terminate", nullptr, Terminate, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"release", nullptr, Release, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  NAPI_CALL(env, napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props));
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
