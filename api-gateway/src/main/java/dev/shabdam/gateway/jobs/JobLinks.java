package dev.shabdam.gateway.jobs;

/** The API paths of a job, as clients follow them. */
public final class JobLinks {
    private JobLinks() {}

    public static String self(String jobId) {
        return "/jobs/" + jobId;
    }

    public static String events(String jobId) {
        return self(jobId) + "/events";
    }

    public static String output(String jobId, String name) {
        return self(jobId) + "/outputs/" + name;
    }
}
