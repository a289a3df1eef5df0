package io.seqpipe.pipelines.translate;

/**
 * How far a batch translation job got, kept beside its output as {@code OUTPUT.progress}: the job's
 * fingerprint (model, input and search arguments), the input lines translated, the SHA-256 of those lines
 * (see {@link LineDigest}) and the output bytes that hold them. Written after each window's output is on
 * disk, so a killed job resumes from it.
 */
record JobProgress(String fingerprint, long linesDone, String linesSha256, long outputBytes) {}
