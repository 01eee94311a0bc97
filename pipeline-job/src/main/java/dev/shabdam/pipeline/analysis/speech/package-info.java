/**
 * The 16 kHz mono speech track every speech feature is measured on, its 25 ms frames and their levels
 * (measured as the samples stream past), and what is read off them: voice activity, signal-to-noise
 * ratio and speaking rate.
 */
package dev.shabdam.pipeline.analysis.speech;
