/**
 * The watermark on every generated and dubbed output: a keyed spread-spectrum mark carrying the hash of
 * the job id, added below the audio ({@link Watermarker}), and found again in a decoded excerpt at any
 * offset ({@link WatermarkDetector}). Plain Java DSP: nothing here knows of Flink.
 */
package dev.shabdam.pipeline.watermark;
