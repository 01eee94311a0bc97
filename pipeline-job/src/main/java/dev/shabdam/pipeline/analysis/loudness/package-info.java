/**
 * Programme loudness and levels of the original channels: ITU-R BS.1770-4 / EBU R128 integrated
 * loudness and loudness range, true peak, clipping and DC offset, and the targets platforms normalise to.
 */
package dev.shabdam.pipeline.analysis.loudness;
