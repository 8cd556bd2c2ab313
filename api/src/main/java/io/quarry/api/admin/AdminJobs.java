package io.quarry.api.admin;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs cluster operations in the background, one at a time (they move or split shards; two at
 * once would contend for the same locks), and remembers the latest {@code jobs-kept} of them in
 * memory for {@code GET /api/v1/admin/jobs/{id}}. A job's start and end are audited.
 */
@Singleton
final class AdminJobs {

    /** The work of a job: reports its steps and placements to {@code job}. */
    interface Work {
        void run(Job job) throws Exception;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "quarry-admin-job");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs;
    private final AuditLog audit;

    AdminJobs(AdminConfiguration configuration, AuditLog audit) {
        this.audit = audit;
        this.jobs = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
                return size() > configuration.jobsKept();
            }
        };
    }

    JobView submit(String kind, String target, String subject, Work work) {
        Job job = new Job(UUID.randomUUID().toString(), kind, target, subject);
        synchronized (jobs) {
            jobs.put(job.id, job);
        }
        audit.record(subject, kind, target, "started", "job " + job.id);
        executor.execute(() -> {
            job.start();
            try {
                work.run(job);
                job.finish(null);
                audit.record(subject, kind, target, "succeeded", "job " + job.id);
            } catch (Exception e) {
                job.finish(e.getMessage() == null ? e.toString() : e.getMessage());
                audit.record(subject, kind, target, "failed", "job " + job.id + ": " + job.view().error());
            }
        });
        return job.view();
    }

    Optional<JobView> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(Job::view);
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    /** A job's state, written by its thread and read by requests. */
    static final class Job {
        private final String id;
        private final String kind;
        private final String target;
        private final String subject;
        private final Instant submittedAt = Instant.now();
        private final List<String> steps = new ArrayList<>();
        private Instant startedAt;
        private Instant finishedAt;
        private List<TenantViews.Placement> before;
        private List<TenantViews.Placement> after;
        private String error;

        private Job(String id, String kind, String target, String subject) {
            this.id = id;
            this.kind = kind;
            this.target = target;
            this.subject = subject;
        }

        synchronized void step(String description) {
            steps.add(description);
        }

        synchronized void before(List<TenantViews.Placement> placement) {
            before = List.copyOf(placement);
        }

        synchronized void after(List<TenantViews.Placement> placement) {
            after = List.copyOf(placement);
        }

        private synchronized void start() {
            startedAt = Instant.now();
        }

        private synchronized void finish(String failure) {
            finishedAt = Instant.now();
            error = failure;
        }

        synchronized JobView view() {
            String state = startedAt == null ? "queued" : finishedAt == null ? "running"
                    : error == null ? "succeeded" : "failed";
            return new JobView(id, kind, target, subject, state, List.copyOf(steps), submittedAt, startedAt,
                    finishedAt, before, after, error);
        }
    }
}
