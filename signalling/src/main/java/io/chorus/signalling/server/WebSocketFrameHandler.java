package io.chorus.signalling.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.chorus.signalling.conference.ConferenceException;
import io.chorus.signalling.logging.LogContext;
import io.chorus.signalling.logging.LogText;
import io.chorus.signalling.metrics.ConnectionMetrics;
import io.chorus.signalling.metrics.ConnectionMetrics.Refusal;
import io.chorus.signalling.conference.Peer;
import io.chorus.signalling.conference.Role;
import io.chorus.signalling.conference.Room;
import io.chorus.signalling.conference.RoomDirectory;
import io.chorus.signalling.protocol.ClientMessage;
import io.chorus.signalling.protocol.ClientMessageParser;
import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.protocol.Moderation;
import io.chorus.signalling.protocol.ProtocolException;
import io.chorus.signalling.protocol.ClientSignals;
import io.chorus.signalling.protocol.ServerMessages;
import io.chorus.signalling.protocol.ServerMessages.IceServerInfo;
import io.chorus.signalling.protocol.SignallingChannel;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * One WebSocket connection: parses each text frame, drives the participant, and answers every
 * refused message with an {@code error} that keeps the connection usable. Three things close it
 * instead, each counted: a client that does not read its replies (they would pile up in server
 * memory at the client's upload rate), one that sends more messages a second than
 * {@link WebSocketLimits#maxMessagesPerSecond()} allows, and one that has not joined a room within
 * {@link WebSocketLimits#joinTimeout()} of connecting.
 */
final class WebSocketFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketFrameHandler.class);

    private final ClientMessageParser parser;
    private final ServerMessages messages;
    private final RoomDirectory rooms;
    private final JoinGate gate;
    private final Moderation moderation;
    private final List<IceServerInfo> iceServers;
    private final WebSocketLimits limits;
    private final ConnectionMetrics metrics;
    private final LogThrottle refusalsLogged = new LogThrottle();
    private final MessageBudget budget;
    /** Chat is for people typing: a script sending more is refused, message by message. */
    private static final int CHAT_PER_SECOND = 2;
    private final MessageBudget chatBudget = new MessageBudget(CHAT_PER_SECOND);
    private boolean everJoined;
    /** Set once the server decided to close this connection: what the client still sends is ignored. */
    private volatile boolean closing;
    private Peer participant;
    private Role role;
    private ClientSignals signals;
    private String room;

    /** @param iceServers the STUN/TURN servers every {@code joined} hands the client */
    WebSocketFrameHandler(ClientMessageParser parser, ServerMessages messages, RoomDirectory rooms, JoinGate gate,
            List<IceServerInfo> iceServers, WebSocketLimits limits, ConnectionMetrics metrics) {
        this.parser = parser;
        this.messages = messages;
        this.rooms = rooms;
        this.gate = gate;
        this.moderation = new Moderation(messages, gate.rolesEnforced());
        this.iceServers = List.copyOf(iceServers);
        this.limits = limits;
        this.metrics = metrics;
        this.budget = new MessageBudget(limits.maxMessagesPerSecond());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            ctx.executor().schedule(() -> {
                if (!everJoined && ctx.channel().isActive()) {
                    closeForPolicy(ctx.channel(), Refusal.NEVER_JOINED, "did not join a room within "
                            + limits.joinTimeout().toSeconds() + " s");
                }
            }, limits.joinTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        Channel channel = ctx.channel();
        if (closing) {
            return;
        }
        if (!budget.spend(System.nanoTime())) {
            closeForPolicy(channel, Refusal.TOO_MANY_MESSAGES, "sent more than " + limits.maxMessagesPerSecond()
                    + " messages a second");
            return;
        }
        if (!(frame instanceof TextWebSocketFrame text)) {
            send(channel, messages.error(ErrorCode.UNSUPPORTED_FRAME, "only JSON text frames are accepted", null));
            return;
        }
        int size = text.content().readableBytes();
        String body = size > ClientMessageParser.MAX_MESSAGE_BYTES ? "" : text.content().toString(StandardCharsets.UTF_8);
        JsonNode id = null;
        // Around the refusals too: those are the lines an operator looks for by room.
        try (LogContext context = LogContext.enter(room, participant == null ? null : participant.id())) {
            try {
                ClientMessage message = parser.parse(body, size);
                id = message.id();
                handle(channel, message);
            } catch (ConferenceException e) {
                refuse(channel, new ProtocolException(e), id != null ? id : parser.idOf(body));
            } catch (ProtocolException e) {
                refuse(channel, e, id != null ? id : parser.idOf(body));
            } catch (RuntimeException e) {
                LOG.error("{}: internal error handling a message", channel.remoteAddress(), e);
                send(channel, messages.error(ErrorCode.INTERNAL_ERROR, "internal server error; see server log",
                        id != null ? id : parser.idOf(body)));
            }
        }
    }

    private void refuse(Channel channel, ProtocolException e, JsonNode echoId) {
        if (refusalsLogged.next()) {
            LOG.info("{}: refused message: {} ({}; {} refused on this connection so far)", channel.remoteAddress(),
                    LogText.oneLine(e.getMessage()), e.code().wire(), refusalsLogged.count());
        }
        send(channel, messages.error(e.code(), e.getMessage(), echoId));
    }

    /** Closes with 1008 (policy violation), saying why, counted and logged once per connection. */
    private void closeForPolicy(Channel channel, Refusal reason, String why) {
        if (closing) {
            return;
        }
        closing = true;
        metrics.refused(reason);
        LOG.warn("{}: closing the WebSocket: the client {}", channel.remoteAddress(), why);
        channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, why))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void handle(Channel channel, ClientMessage message) throws ProtocolException, ConferenceException {
        if (message instanceof ClientMessage.Join join) {
            if (participant != null && !participant.closed()) {
                throw new ProtocolException(ErrorCode.ALREADY_JOINED,
                        "already joined room '" + room + "' as " + participant.id() + "; send 'leave' first");
            }
            LogContext.set(join.room(), null);
            JoinGate.Admission admission = gate.admit(join);
            Integer cap = lower(join.maxBitrate(), admission.maxBitrate());
            ClientSignals joining = new ClientSignals(new WebSocketChannel(channel, this), messages, join.id(),
                    iceServers);
            try {
                participant = rooms.join(join.room(), join.name(), admission.role(), cap, joining);
            } catch (ConferenceException | RuntimeException e) {
                admission.seat().release();
                throw e;
            }
            // However the session ends (leave, failed transport, closed room), its token seat is free again.
            participant.whenClosed(admission.seat()::release);
            everJoined = true;
            signals = joining;
            role = admission.role();
            room = join.room();
            LogContext.set(room, participant.id());
            LOG.info("{}: {} ('{}') joined room '{}'", channel.remoteAddress(), participant.id(),
                    participant.name(), room);
        } else if (message instanceof ClientMessage.Offer offer) {
            ClientSignals answering = signals;
            joined("offer").acceptOffer(offer.sdp(), answer -> answering.answer(offer.id(), answer));
        } else if (message instanceof ClientMessage.Candidate candidate) {
            joined("candidate").addRemoteCandidate(candidate.candidate());
        } else if (message instanceof ClientMessage.Mute mute) {
            Peer p = joined("mute");
            p.setMuted(mute.audio(), mute.video());
            send(channel, messages.muted(mute.id(), p.audioMuted(), p.videoMuted()));
        } else if (message instanceof ClientMessage.Chat chat) {
            Peer p = joined("chat");
            if (!chatBudget.spend(System.nanoTime())) {
                throw new ProtocolException(ErrorCode.CHAT_TOO_FAST, "at most " + CHAT_PER_SECOND
                        + " chat messages a second; this one was not sent");
            }
            conference(room, "chat").chat(p.id(), chat.text());
        } else if (message instanceof ClientMessage.Moderation request) {
            joined(request.type());
            send(channel, moderation.execute(conference(room, request.type()), role, request));
        } else if (message instanceof ClientMessage.Leave leave) {
            joined("leave").close();
            LOG.info("{}: {} left room '{}'", channel.remoteAddress(), participant.id(), room);
            participant = null;
            signals = null;
            room = null;
            send(channel, messages.left(leave.id()));
        }
    }

    private Room conference(String roomId, String what) throws ProtocolException {
        return rooms.conference(roomId).orElseThrow(() -> new ProtocolException(ErrorCode.INVALID_ROOM,
                "'" + what + "': the echo room has no chat or moderation"));
    }

    private Peer joined(String what) throws ProtocolException {
        if (participant == null) {
            throw new ProtocolException(ErrorCode.NOT_JOINED, "'" + what + "' before 'join'");
        }
        if (participant.closed()) {
            String id = participant.id();
            participant = null;
            signals = null;
            throw new ProtocolException(ErrorCode.NOT_JOINED, "'" + what + "': " + id + " is no longer in room '"
                    + room + "' (its media transport failed or the room closed); join again");
        }
        return participant;
    }

    private static Integer lower(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (participant != null) {
            try (LogContext context = LogContext.enter(room, participant.id())) {
                LOG.info("{}: WebSocket closed; {} leaves room '{}'", ctx.channel().remoteAddress(), participant.id(),
                        room);
                participant.close();
            }
            participant = null;
            signals = null;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("{}: connection error: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    /**
     * Queues a reply. Netty queues writes, so callers never block; a client whose unread replies
     * already fill the channel's write buffer (its high water mark) is not reading, and is closed
     * rather than left to grow server memory.
     */
    private void send(Channel channel, String json) {
        if (!channel.isActive() || closing) {
            return;
        }
        if (!channel.isWritable()) {
            closing = true;
            metrics.refused(Refusal.SLOW_READER);
            LOG.warn("{}: closing the WebSocket: the client does not read its replies ({} bytes unsent)",
                    channel.remoteAddress(), channel.unsafe().outboundBuffer() == null ? 0
                            : channel.unsafe().outboundBuffer().totalPendingWriteBytes());
            channel.close();
            return;
        }
        channel.writeAndFlush(new TextWebSocketFrame(json));
    }

    /** The room's way to reach this client. */
    private record WebSocketChannel(Channel channel, WebSocketFrameHandler handler) implements SignallingChannel {
        @Override
        public void send(String json) {
            handler.send(channel, json);
        }

        @Override
        public void close() {
            if (channel.isActive()) {
                channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
