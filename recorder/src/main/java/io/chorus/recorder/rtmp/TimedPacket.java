package io.chorus.recorder.rtmp;

/** An encoded packet placed on the {@link RoomTimeline} ({@code units} in 1/720000 s). */
record TimedPacket(byte[] data, long units, boolean keyFrame) {
}
