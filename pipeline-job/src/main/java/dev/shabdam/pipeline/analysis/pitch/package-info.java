/** Fundamental frequency: the YIN tracker, the per-frame track it makes and the summary reported of it. */
package dev.shabdam.pipeline.analysis.pitch;
