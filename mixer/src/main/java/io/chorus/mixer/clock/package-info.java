/**
 * A room's time: one {@link io.chorus.mixer.clock.MediaClock} origin that the audio and video tick
 * streams share, so both kinds of output land on one media timeline that recordings, broadcasts and
 * lip sync rely on. {@link io.chorus.mixer.clock.TickRate} derives each tick's deadline and RTP
 * timestamp from its index alone (nothing accumulates, so 30 fps never drifts);
 * {@link io.chorus.mixer.clock.TickSchedule} decides what follows an overrun (audio runs late ticks
 * back to back, up to a limit, to keep its stream unbroken; video skips them);
 * {@link io.chorus.mixer.clock.TickThread} runs one {@link io.chorus.mixer.clock.TickTask} on its
 * own thread. {@link io.chorus.mixer.clock.TimeSource} is the clock and the sleep, simulated in
 * tests.
 *
 * <p>Threads: each room has two tick threads, {@code audio-<room>} every 20 ms and
 * {@code video-<room>} at the room's frame rate, daemons at the highest Java priority. They sleep
 * to absolute deadlines and, while the room has no participant and no receiver, wait on a condition
 * instead of polling; the threads that add and remove those (signalling, mostly) pause and resume
 * them, and closing the mixer stops them. A tick thread survives a task that throws, logs failures
 * 1st, 2nd, 4th... rather than per tick, and after 50 failures in a row stops and tells its
 * {@link io.chorus.mixer.clock.TickThread.GiveUp} listener, on itself, once. Overruns are logged at
 * most once per 10 s, since a log line written per late tick would make the thread later still.
 */
package io.chorus.mixer.clock;
