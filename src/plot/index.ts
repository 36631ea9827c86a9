/** Figures: Vega-Lite specs of the project's plots and their SVG rendering. */
export { renderVegaLiteSvg } from './render.js';
export { censusHistogramSpec, findProveMedians, findProveTimesSpec, findProveTimePoints, sizeAxisTop, trainedVsMinimumSpec, type TimeMedian, type TimePoint, type TrainedSizeRow } from './charts.js';
