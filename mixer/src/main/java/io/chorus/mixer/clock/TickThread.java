package io.chorus.mixer.clock;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tick stream of a room clock on its own thread. It sleeps to each absolute deadline, runs the
 * task, and counts overruns. While paused (an empty room) it waits on a condition, so an idle room
 * costs no CPU; on resume it continues on the same origin, so timestamps stay on one timeline.
 */
public final class TickThread implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TickThread.class);
    /**
     * Ticks in a row whose task threw before the stream stops: one bad frame is survived, a task
     * that fails on every tick (1 s of audio, about 2 s of video) cannot produce media any more.
     */
    static final int GIVE_UP_AFTER_FAILURES_IN_A_ROW = 50;

    /** Told, once and on the tick thread, that the stream stopped because its task keeps failing. */
    public interface GiveUp {
        void onGaveUp(String name, Throwable lastFailure);
    }

    private final String name;
    private final TickSchedule schedule;
    private final TimeSource time;
    private final TickTask task;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition resumed = lock.newCondition();
    private final AtomicLong ticksRun = new AtomicLong();
    private final AtomicLong overruns = new AtomicLong();
    private static final long OVERRUN_REPORT_NANOS = 10_000_000_000L;
    // Only the tick thread touches these.
    private long lastReportNanos = Long.MIN_VALUE;
    private long overrunsSinceReport;
    private long skippedSinceReport;
    private long worstSinceReportNanos;
    private long caughtUpSinceReport;
    private boolean catchingUp;
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private int failuresInARow;
    private volatile boolean gaveUp;
    private volatile GiveUp giveUp = (name, failure) -> { };
    private final Thread thread;
    private boolean active;
    private boolean closed;

    /** A tick stream that skips late ticks (see {@link TickSchedule}). */
    public TickThread(String name, MediaClock clock, TickRate rate, TickTask task) {
        this(name, clock, rate, 0, task);
    }

    /** A tick stream that runs up to {@code maxCatchUpTicks} late ticks back to back before it skips. */
    public TickThread(String name, MediaClock clock, TickRate rate, int maxCatchUpTicks, TickTask task) {
        this.name = name;
        this.time = clock.timeSource();
        this.schedule = new TickSchedule(clock.originNanos(), rate, maxCatchUpTicks);
        this.task = task;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Who to tell when the stream gives up; set before {@link #start()}. */
    public TickThread onGiveUp(GiveUp listener) {
        this.giveUp = listener;
        return this;
    }

    public void start() {
        thread.start();
    }

    /** True once the task failed too many ticks in a row (or the thread itself failed) and ticks stopped. */
    public boolean gaveUp() {
        return gaveUp;
    }

    /** Runs ticks while {@code active}; a paused thread waits without polling. */
    public void setActive(boolean active) {
        lock.lock();
        try {
            if (this.active != active) {
                this.active = active;
                LOG.debug("{} {}", name, active ? "resumed" : "paused");
                resumed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public long ticksRun() {
        return ticksRun.get();
    }

    public long overruns() {
        return overruns.get();
    }

    public long skippedTicks() {
        return skipped.get();
    }

    /** Ticks whose task threw; the thread goes on, since one bad frame must not stop a room. */
    public long failedTicks() {
        return failures.get();
    }

    private void run() {
        try {
            while (!gaveUp && awaitActive()) {
                step();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            giveUp(t);
        }
    }

    /** Waits for the next deadline and runs one tick. Package-private so tests can drive it in simulated time. */
    void step() throws InterruptedException {
        time.sleepUntil(schedule.nextDeadline());
        long tick = schedule.nextTick();
        try {
            task.onTick(tick, schedule.rate().rtpTimestamp(tick));
            failuresInARow = 0;
        } catch (Throwable t) {
            long count = failures.incrementAndGet();
            // The 1st, 2nd, 4th... failure: a task failing every tick must not flood the log from this thread.
            if (Long.bitCount(count) == 1) {
                LOG.error("{} tick {} failed ({} failed ticks so far)", name, tick, count, t);
            }
            if (++failuresInARow >= GIVE_UP_AFTER_FAILURES_IN_A_ROW) {
                giveUp(t);
            }
        }
        ticksRun.incrementAndGet();
        long finished = time.nanoTime();
        long overrunNanos = finished - schedule.deadline(tick + 1);
        long missed = schedule.completed(finished);
        boolean wasCatchingUp = catchingUp;
        catchingUp = overrunNanos > 0 && missed == 0;
        if (overrunNanos > 0) {
            // Ticks run late to catch up finish late by construction; only the one that fell behind is an overrun.
            if (wasCatchingUp) {
                caughtUpSinceReport++;
            } else {
                overruns.incrementAndGet();
            }
            skipped.addAndGet(missed);
            reportOverrun(tick, overrunNanos, missed, finished);
        }
    }

    /**
     * One line per {@link #OVERRUN_REPORT_NANOS} at most: an overloaded room overruns many ticks a
     * second, and a log line per tick written by this very thread would slow it further (a console
     * appender blocks when its reader lags).
     */
    private void reportOverrun(long tick, long overrunNanos, long missed, long nowNanos) {
        overrunsSinceReport++;
        skippedSinceReport += missed;
        worstSinceReportNanos = Math.max(worstSinceReportNanos, overrunNanos);
        if (lastReportNanos != Long.MIN_VALUE && nowNanos - lastReportNanos < OVERRUN_REPORT_NANOS) {
            return;
        }
        LOG.warn("{}: {} tick(s) ended after the next was due (worst by {} us, {} tick(s) run late to catch up, {}"
                + " tick(s) skipped) since the last report; latest tick {}; {} overruns so far", name,
                overrunsSinceReport - caughtUpSinceReport, worstSinceReportNanos / 1000, caughtUpSinceReport,
                skippedSinceReport, tick, overruns.get());
        lastReportNanos = nowNanos;
        overrunsSinceReport = 0;
        caughtUpSinceReport = 0;
        skippedSinceReport = 0;
        worstSinceReportNanos = 0;
    }

    private void giveUp(Throwable lastFailure) {
        if (gaveUp) {
            return;
        }
        gaveUp = true;
        LOG.error("{}: stopped after {} failed ticks in a row ({} in all); its room cannot go on", name,
                failuresInARow, failures.get(), lastFailure);
        try {
            giveUp.onGaveUp(name, lastFailure);
        } catch (Throwable t) {
            LOG.error("{}: telling the room that the stream stopped failed", name, t);
        }
    }

    private boolean awaitActive() throws InterruptedException {
        lock.lock();
        try {
            boolean waited = false;
            while (!active && !closed) {
                resumed.await();
                waited = true;
            }
            if (waited && !closed) {
                schedule.resumeAt(time.nanoTime());
            }
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            resumed.signalAll();
        } finally {
            lock.unlock();
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
