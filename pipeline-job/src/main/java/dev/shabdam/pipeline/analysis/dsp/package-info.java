/**
 * Signal-processing building blocks that know nothing of speech or loudness: the FFT, band-limited
 * resampling and the windowed sinc it shares with the true-peak meter, the sliding window of samples
 * that lets a long signal be measured block by block.
 */
package dev.shabdam.pipeline.analysis.dsp;
