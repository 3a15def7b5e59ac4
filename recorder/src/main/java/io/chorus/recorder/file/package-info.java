/**
 * Recordings to files. {@link io.chorus.recorder.file.RoomRecording} subscribes to a room's mixer
 * like a receiver that is not a participant and writes the composite with the full mix, in one of
 * the {@link io.chorus.recorder.file.RecordingFormat}s: WebM or Matroska with the mixer's VP8 and
 * Opus as they come, or fragmented MP4 with H.264 and the mix transcoded to AAC, each set up to
 * survive a crash (a cluster or fragment at least every second). Its audio and video are placed by
 * their RTP timestamps on the room's one media clock and the file starts at a video key frame, so
 * the two stay in sync without any wall clock. {@link io.chorus.recorder.file.ParticipantRecording}
 * remuxes one participant's incoming VP8 and Opus without re-encoding, placed on the room clock so
 * that the files of one session line up. Files are named
 * {@code <room>[-<participant>]-<UTC start>.<ext>} from characters that cannot leave the directory,
 * and reserved by creating them.
 *
 * <p>Threads: a signalling thread (the REST API, or the room starting one by itself) starts a
 * recording, which creates and opens the file there. Frames come from the mixer's tick threads
 * (room recordings) or ice4j's receive thread (participant files) and are only queued; transcoding,
 * muxing and writing run on the recording's {@code sink-*} worker. {@code stop()} runs on the
 * caller (a signalling thread, the room's closing thread, or a {@code recording-files} pool thread
 * for a member who left): it waits for the worker to write what is queued, then finishes the file
 * (trailer, index) on that thread. A failure (disk full, file removed) ends the recording FAILED on
 * the worker, and the room carries on.
 */
package io.chorus.recorder.file;
