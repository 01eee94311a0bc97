/**
 * The job contract between the gateway and the pipeline: what each job type takes, and the events it
 * emits.
 *
 * <p>Requests: one record per job type ({@link dev.shabdam.schemas.jobs.AnalyzeJob},
 * {@link dev.shabdam.schemas.jobs.CompareJob}, {@link dev.shabdam.schemas.jobs.GenerateJob},
 * {@link dev.shabdam.schemas.jobs.DubJob}) names the job's inputs (constants; the API's form parts carry
 * the same names), types its parameters and validates them in its constructor. On
 * {@code voice.requests} parameters stay a map of strings: {@code toParameters()} writes it, the
 * static {@code fromParameters} reads it, so the gateway and the job refuse the same requests with the
 * same codes ({@link dev.shabdam.speech.SynthesisException}'s wire names).
 *
 * <p>Events: one plan per job type ({@link dev.shabdam.schemas.jobs.AnalyzeEvents},
 * {@link dev.shabdam.schemas.jobs.CompareEvents}, {@link dev.shabdam.schemas.jobs.GenerateEvents},
 * {@link dev.shabdam.schemas.jobs.DubEvents}) names each stage's events with their seq and progress. The
 * {@code job_events} upsert keys rows by (job, seq) and the {@code jobs} row follows the highest seq,
 * so these numbers must grow in the order the work happens, the last event must outrank every other
 * and a cancellation must outrank the last ({@link dev.shabdam.schemas.jobs.EventSeq}); the plans are
 * the only place they are written down.
 *
 * <p>A job type that comes next (TRAIN, CONVERSE) adds its request record to
 * {@link dev.shabdam.schemas.jobs.JobRequest}'s permitted types and a plan of its own here; until it has
 * an operator the pipeline's router refuses it with {@code not_implemented}.
 */
package dev.shabdam.schemas.jobs;
