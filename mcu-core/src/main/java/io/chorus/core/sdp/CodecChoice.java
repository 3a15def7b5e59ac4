package io.chorus.core.sdp;

import java.util.Optional;

/** The payload type picked for an m-line and, when offered, the RTX payload type that repairs it. */
record CodecChoice(RtpCodec codec, Optional<RtpCodec> rtx) {
}
