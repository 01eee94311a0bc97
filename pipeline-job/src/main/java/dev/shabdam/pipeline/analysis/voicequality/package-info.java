/** Jitter, shimmer and harmonics-to-noise ratio of the voiced parts of a recording. */
package dev.shabdam.pipeline.analysis.voicequality;
