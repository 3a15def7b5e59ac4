'use strict';
// Chorus sample page: joins a room over the signalling WebSocket, sends the camera and microphone on one
// RTCPeerConnection and shows the single mixed stream the server sends back. window.chorusApp holds the
// page's state and entry points; automated tests drive and read the page through it, so its shape is stable.
(() => {
  const REPLY_TIMEOUT_MS = 10000;
  const LEAVE_TIMEOUT_MS = 3000;
  const STATS_INTERVAL_MS = 1000;
  const LOG_LIMIT = 1000;
  const CHAT_LIMIT = 200;
  // Recording and broadcast states after which the server does nothing more with that job.
  const FINISHED_JOB_STATES = new Set(['stopped', 'failed', 'finished', 'error']);

  const $ = id => document.getElementById(id);

  class ChorusError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  }

  const app = window.chorusApp = {
    state: 'idle',
    room: null,
    participantId: null,
    participants: [],
    activeSpeaker: null,
    layout: null,
    tier: null,
    videoConstraints: null,      // the last video-constraints applied to our camera
    recordings: [],
    broadcasts: [],
    chat: [],                    // [{participant, name, text, at}], oldest first
    audioMuted: false,
    videoMuted: false,
    connectionState: null,       // the browser's RTCPeerConnection.connectionState
    serverConnectionState: null, // the last connection-state message from the server
    lastError: null,
    endReason: null,             // {code, message}: why the last call ended ('left', 'room-closed', ...)
    remoteStream: null,
    localStream: null,
    stats: null,
    log: [],
    // The call's RTCPeerConnection (null when not in a call), for tests and the browser console.
    get peerConnection() { return currentCall ? currentCall.pc : null; },
    join,
    leave,
    setMuted
  };

  let currentCall = null;

  // ---------------------------------------------------------------- log and status line

  function log(text) {
    const line = new Date().toISOString().substring(11, 23) + ' ' + text;
    app.log.push(line);
    if (app.log.length > LOG_LIMIT) app.log.shift();
    const view = $('log');
    view.append(line + '\n');
    if (view.childNodes.length > LOG_LIMIT) view.firstChild.remove();
    view.scrollTop = view.scrollHeight;
  }

  function showStatus(text, kind = 'info') {
    const status = $('status');
    status.textContent = text;
    status.dataset.kind = kind;
  }

  function showError(error) {
    const code = error.code || 'client-error';
    const message = error.message || String(error);
    app.lastError = { code, message };
    log('error ' + code + ': ' + message);
    showStatus(message + ' [' + code + ']', 'error');
  }

  function setState(state) {
    app.state = state;
    log('state: ' + state);
    const inCall = state === 'joining' || state === 'joined';
    const moveFocus = $('join-section').hidden !== inCall;
    $('join-section').hidden = inCall;
    $('call-section').hidden = !inCall;
    $('join-button').disabled = inCall;
    // The control that had focus may just have been hidden; keep keyboard users in the visible part.
    if (moveFocus) (inCall ? $('call-heading') : $('join-button')).focus();
    if (state === 'joining') showStatus('Joining room ' + (currentCall ? currentCall.options.room : '') + '…');
    if (state === 'joined') showStatus('In room ' + app.room + '.', 'ok');
  }

  // ---------------------------------------------------------------- room state shown on the page

  function participantFrom(raw) {
    return {
      id: String(raw.id),
      name: raw.name == null ? '' : String(raw.name),
      audioMuted: raw.audioMuted === true,
      videoMuted: raw.videoMuted === true
    };
  }

  function upsertParticipant(raw) {
    if (!raw || raw.id == null) {
      log('ignored a participant without id');
      return;
    }
    const participant = participantFrom(raw);
    const index = app.participants.findIndex(p => p.id === participant.id);
    if (index < 0) app.participants.push(participant); else app.participants[index] = participant;
    renderParticipants();
  }

  function removeParticipant(id) {
    app.participants = app.participants.filter(p => p.id !== String(id));
    if (app.activeSpeaker === String(id)) app.activeSpeaker = null;
    renderParticipants();
  }

  function setActiveSpeaker(id) {
    app.activeSpeaker = id == null ? null : String(id);
    renderParticipants();
  }

  function renderParticipants() {
    const list = $('participants');
    list.replaceChildren(...app.participants.map(p => {
      const item = document.createElement('li');
      item.dataset.participant = p.id;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = p.name || p.id;
      item.append(name);
      const badges = [];
      if (p.id === app.participantId) badges.push(['self', 'you']);
      if (p.id === app.activeSpeaker) {
        item.classList.add('speaking');
        badges.push(['speaking', 'speaking']);
      }
      if (p.audioMuted) badges.push(['muted', 'mic muted']);
      if (p.videoMuted) badges.push(['muted', 'camera off']);
      for (const [kind, text] of badges) {
        const badge = document.createElement('span');
        badge.className = 'badge ' + kind;
        badge.textContent = text;
        item.append(' ', badge);
      }
      return item;
    }));
    $('participant-count').textContent = String(app.participants.length);
  }

  function setLayout(layout) {
    app.layout = layout == null ? null : String(layout);
    for (const button of [$('layout-grid-button'), $('layout-speaker-button')]) {
      button.setAttribute('aria-pressed', String(button.dataset.layout === app.layout));
    }
    const shownByButtons = app.layout === 'grid' || app.layout === 'speaker';
    $('layout-current').textContent = app.layout && !shownByButtons ? '(now ' + app.layout + ')' : '';
  }

  function setTier(tier) {
    app.tier = tier || null;
    if (!app.tier) {
      $('tier-info').textContent = '';
      return;
    }
    const parts = [];
    if (app.tier.width && app.tier.height) parts.push(app.tier.width + '×' + app.tier.height);
    if (app.tier.bitrate) parts.push(Math.round(app.tier.bitrate / 1000) + ' kb/s');
    $('tier-info').textContent = '— quality ' + (app.tier.name || '?') + (parts.length ? ' (' + parts.join(', ') + ')' : '');
  }

  function setOwnMuted(audio, video) {
    if (typeof audio === 'boolean') app.audioMuted = audio;
    if (typeof video === 'boolean') app.videoMuted = video;
    if (app.localStream) {
      for (const track of app.localStream.getAudioTracks()) track.enabled = !app.audioMuted;
      for (const track of app.localStream.getVideoTracks()) track.enabled = !app.videoMuted;
    }
    $('mute-audio-button').setAttribute('aria-pressed', String(app.audioMuted));
    $('mute-video-button').setAttribute('aria-pressed', String(app.videoMuted));
  }

  // Recordings and broadcasts are "jobs": the server reports each one's state as it changes.
  const JOB_KINDS = {
    recordings: { label: 'Recording', idle: 'Not recording.', target: job => job.file,
                  startButton: 'record-start-button', stopButton: 'record-stop-button', stateView: 'recording-state' },
    broadcasts: { label: 'Broadcast', idle: 'Not broadcasting.', target: job => job.url,
                  startButton: 'broadcast-start-button', stopButton: 'broadcast-stop-button', stateView: 'broadcast-state' }
  };

  function updateJob(kind, raw) {
    if (!raw || raw.id == null) {
      log('ignored a ' + kind + ' update without id');
      return;
    }
    const jobs = app[kind];
    const index = jobs.findIndex(j => j.id === String(raw.id));
    const job = Object.assign(index < 0 ? {} : jobs[index], raw, { id: String(raw.id) });
    if (index < 0) jobs.push(job);
    renderJobs(kind);
  }

  // A job update pushed by the server while in the room; a failure there is news the user must see.
  function jobEvent(kind, raw) {
    updateJob(kind, raw);
    if (raw && raw.error) {
      showError(new ChorusError(kind === 'recordings' ? 'recording-failed' : 'broadcast-failed',
          JOB_KINDS[kind].label + ' ' + raw.id + ' failed: ' + raw.error));
    }
  }

  function activeJob(kind) {
    const running = app[kind].filter(j => !FINISHED_JOB_STATES.has(j.state));
    return running.length ? running[running.length - 1] : null;
  }

  function renderJobs(kind) {
    const spec = JOB_KINDS[kind];
    const job = activeJob(kind) || app[kind][app[kind].length - 1];
    let text = spec.idle;
    if (job) {
      const target = spec.target(job);
      text = spec.label + ' ' + job.id + ': ' + (job.state || 'requested') + (target ? ' → ' + target : '')
          + (job.error ? ' (' + job.error + ')' : '');
    }
    $(spec.stateView).textContent = text;
    $(spec.stopButton).disabled = !activeJob(kind);
  }

  function renderStats(stats) {
    const show = (id, value) => { $(id).textContent = value == null ? '-' : value; };
    show('stat-down', stats.downKbps == null ? null : stats.downKbps + ' kb/s');
    show('stat-up', stats.upKbps == null ? null : stats.upKbps + ' kb/s');
    show('stat-loss', stats.lossPercent == null ? null : stats.lossPercent.toFixed(1) + ' %');
    show('stat-rtt', stats.rttMs == null ? null : stats.rttMs + ' ms');
    show('stat-video', stats.videoWidth ? stats.videoWidth + '×' + stats.videoHeight
        + (stats.fps == null ? '' : ' @ ' + stats.fps + ' fps') : null);
  }

  function renderConnectionState() {
    $('stat-connection').textContent = (app.connectionState || 'new')
        + (app.serverConnectionState ? ' (server: ' + app.serverConnectionState + ')' : '');
  }

  function applyJoined(msg) {
    app.room = msg.room == null ? currentCall.options.room : String(msg.room);
    app.participantId = msg.participant == null ? null : String(msg.participant);
    app.participants = Array.isArray(msg.participants) ? msg.participants.filter(p => p && p.id != null).map(participantFrom) : [];
    if (app.participantId && !app.participants.some(p => p.id === app.participantId)) {
      app.participants.unshift(participantFrom({ id: app.participantId, name: currentCall.options.name }));
    }
    app.activeSpeaker = msg.activeSpeaker == null ? null : String(msg.activeSpeaker);
    app.recordings = [];
    app.broadcasts = [];
    for (const job of Array.isArray(msg.recordings) ? msg.recordings : []) updateJob('recordings', job);
    for (const job of Array.isArray(msg.broadcasts) ? msg.broadcasts : []) updateJob('broadcasts', job);
    $('room-name').textContent = app.room;
    setLayout(msg.layout);
    setTier(msg.tier);
    renderParticipants();
    renderJobs('recordings');
    renderJobs('broadcasts');
    app.chat = [];
    for (const line of Array.isArray(msg.chat) ? msg.chat : []) addChatLine(line);
  }

  // The text goes in as text, never as markup: another member wrote it.
  function addChatLine(raw) {
    const line = { participant: String(raw.participant), name: String(raw.name), text: String(raw.text),
      at: String(raw.at) };
    app.chat.push(line);
    if (app.chat.length > CHAT_LIMIT) app.chat.shift();
    const item = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = line.at;
    time.textContent = line.at.substring(11, 16);
    const who = document.createElement('strong');
    who.textContent = line.name;
    const text = document.createElement('span');
    text.textContent = line.text;
    item.append(time, ' ', who, ': ', text);
    const list = $('chat-lines');
    list.append(item);
    while (list.childNodes.length > CHAT_LIMIT) list.firstChild.remove();
    list.scrollTop = list.scrollHeight;
  }

  async function sendChat(event) {
    event.preventDefault();
    const input = $('chat-input');
    const text = input.value;
    if (!currentCall || !text.trim()) return;
    currentCall.send({ type: 'chat', text });
    input.value = '';
  }

  function clearRoomState() {
    Object.assign(app, { room: null, participantId: null, participants: [], activeSpeaker: null, layout: null,
      tier: null, recordings: [], broadcasts: [], chat: [], connectionState: null, serverConnectionState: null,
      remoteStream: null, localStream: null, stats: null, audioMuted: false, videoMuted: false });
    $('chat-lines').replaceChildren();
    $('local-video').srcObject = null;
    $('remote-video').srcObject = null;
    $('play-button').hidden = true;
    setLayout(null);
    setTier(null);
    renderParticipants();
    renderJobs('recordings');
    renderJobs('broadcasts');
    renderConnectionState();
    renderStats({});
    setOwnMuted(false, false);
  }

  // ---------------------------------------------------------------- WebRTC helpers

  function iceServersFrom(raw) {
    if (raw == null) return [];
    if (!Array.isArray(raw)) throw new ChorusError('invalid-message', 'joined.iceServers is not an array');
    // RTCPeerConnection would turn a null username into the string "null": leave absent fields out.
    return raw.map(server => {
      const entry = { urls: server.urls };
      if (server.username != null) entry.username = server.username;
      if (server.credential != null) entry.credential = server.credential;
      return entry;
    });
  }

  // VP8 first: every browser encodes it and it is what the mixer decodes most cheaply.
  function preferVp8(transceiver) {
    if (!transceiver.setCodecPreferences || !RTCRtpReceiver.getCapabilities) {
      log('this browser cannot set codec preferences; keeping its own order');
      return;
    }
    const codecs = RTCRtpReceiver.getCapabilities('video').codecs;
    const isVp8 = c => c.mimeType.toLowerCase() === 'video/vp8';
    if (!codecs.some(isVp8)) {
      log('this browser offers no VP8; keeping its own order');
      return;
    }
    transceiver.setCodecPreferences(codecs.filter(isVp8).concat(codecs.filter(c => !isVp8(c))));
  }

  async function getLocalMedia(options) {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      throw new ChorusError('insecure-context', 'This browser gives camera access only to pages served over HTTPS '
          + '(or from localhost); see docs/deployment.md.');
    }
    const audio = options.audioProcessing ? true
        : { echoCancellation: false, noiseSuppression: false, autoGainControl: false };
    try {
      return await navigator.mediaDevices.getUserMedia({
        audio,
        video: { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 30 } }
      });
    } catch (err) {
      throw new ChorusError('media-unavailable', 'Cannot use the camera and microphone: ' + err.name + ': ' + err.message);
    }
  }

  function candidateMessage(candidate) {
    // An empty candidate string is how some browsers say "no more candidates".
    if (!candidate || !candidate.candidate) return { type: 'candidate', candidate: null, sdpMid: '0', sdpMLineIndex: 0 };
    return { type: 'candidate', candidate: candidate.candidate, sdpMid: candidate.sdpMid,
             sdpMLineIndex: candidate.sdpMLineIndex };
  }

  // Sums over the RTP streams, the selected candidate pair and the received video of one getStats() report.
  function statsTotals(report) {
    const totals = { timestamp: 0, bytesReceived: 0, bytesSent: 0, packetsReceived: 0, packetsLost: 0, rttMs: null,
                     videoWidth: null, videoHeight: null, fps: null, framesDecoded: null, videoCodec: null };
    const byId = new Map();
    report.forEach(r => byId.set(r.id, r));
    let pair = null;
    report.forEach(r => {
      totals.timestamp = Math.max(totals.timestamp, r.timestamp || 0);
      if (r.type === 'inbound-rtp') {
        totals.bytesReceived += r.bytesReceived || 0;
        totals.packetsReceived += r.packetsReceived || 0;
        totals.packetsLost += r.packetsLost || 0;
        if (r.kind === 'video') {
          totals.videoWidth = r.frameWidth || null;
          totals.videoHeight = r.frameHeight || null;
          totals.fps = r.framesPerSecond == null ? null : Math.round(r.framesPerSecond);
          totals.framesDecoded = r.framesDecoded == null ? null : r.framesDecoded;
          const codec = byId.get(r.codecId);
          totals.videoCodec = codec ? codec.mimeType : null;
        }
      } else if (r.type === 'outbound-rtp') {
        totals.bytesSent += r.bytesSent || 0;
      } else if (r.type === 'transport' && r.selectedCandidatePairId) {
        pair = byId.get(r.selectedCandidatePairId) || pair;
      }
    });
    // Browsers without transport stats (Firefox) mark the pair in use as nominated and succeeded instead.
    if (!pair) report.forEach(r => { if (r.type === 'candidate-pair' && r.nominated && r.state === 'succeeded') pair = r; });
    if (pair && typeof pair.currentRoundTripTime === 'number') totals.rttMs = Math.round(pair.currentRoundTripTime * 1000);
    return totals;
  }

  // Rates and loss over the interval since the previous sample; null where there is no previous one yet.
  function statsOverInterval(now, before) {
    const stats = Object.assign({ downKbps: null, upKbps: null, lossPercent: null }, now);
    const seconds = before ? (now.timestamp - before.timestamp) / 1000 : 0;
    if (seconds > 0) {
      stats.downKbps = Math.round((now.bytesReceived - before.bytesReceived) * 8 / seconds / 1000);
      stats.upKbps = Math.round((now.bytesSent - before.bytesSent) * 8 / seconds / 1000);
      // packetsLost can go down when late packets arrive after all; that is not negative loss.
      const lost = Math.max(0, now.packetsLost - before.packetsLost);
      const expected = lost + (now.packetsReceived - before.packetsReceived);
      stats.lossPercent = expected > 0 ? Math.round(1000 * lost / expected) / 10 : 0;
    }
    return stats;
  }

  // ---------------------------------------------------------------- one call: socket, peer connection, stats

  class Call {
    constructor(options) {
      this.options = options;
      this.ws = null;
      this.pc = null;
      this.waiters = [];          // replies awaited: {type, id, resolve, reject, timer}
      this.remoteCandidates = []; // server candidates held until the answer is applied
      this.localCandidates = [];  // browser candidates held until the offer is sent
      this.joinedReceived = false;
      this.leaving = false;       // a leave was sent: the server closing things down is expected now
      this.offerSent = false;
      this.answerApplied = false;
      this.ended = false;
      this.nextRequestId = 1;
      this.statsTimer = null;
      this.statsPending = false;
      this.previousStats = null;
    }

    async start() {
      // The camera and the join start together: a camera takes a few hundred ms to over a second to
      // open, and nothing in the join waits for it (measured: it came before the join in 0.8-1.6 s
      // of a 1.7-2.6 s time to the first picture).
      const media = getLocalMedia(this.options).then(stream => {
        // Left while the browser was still opening the camera: release it at once.
        if (this.ended) for (const track of stream.getTracks()) track.stop();
        return stream;
      });
      media.catch(() => {}); // a refusal is reported where the stream is awaited, below
      await this.openSocket();
      this.checkActive();
      const join = { type: 'join', room: this.options.room, name: this.options.name };
      if (this.options.token) join.token = this.options.token;
      if (this.options.maxBitrate != null) join.maxBitrate = this.options.maxBitrate;
      const joined = await this.request(join, 'joined');
      this.checkActive();
      this.joinedReceived = true;
      applyJoined(joined);
      log('joined room ' + app.room + ' as ' + app.participantId);
      const stream = await media;
      this.checkActive();
      app.localStream = stream;
      setOwnMuted(app.audioMuted, app.videoMuted);
      $('local-video').srcObject = app.localStream;
      this.createPeerConnection(iceServersFrom(joined.iceServers));
      await this.pc.setLocalDescription(await this.pc.createOffer());
      this.checkActive();
      const answer = this.request({ type: 'offer', sdp: this.pc.localDescription.sdp }, 'answer');
      this.offerSent = true;
      for (const message of this.localCandidates.splice(0)) this.send(message);
      const reply = await answer;
      this.checkActive();
      await this.pc.setRemoteDescription({ type: 'answer', sdp: reply.sdp });
      this.checkActive();
      this.answerApplied = true;
      for (const candidate of this.remoteCandidates.splice(0)) await this.addRemoteCandidate(candidate);
      this.checkActive();
      if (app.audioMuted || app.videoMuted) {
        await this.request({ type: 'mute', audio: app.audioMuted, video: app.videoMuted }, 'muted');
      }
      this.statsTimer = setInterval(() => this.sampleStats(), STATS_INTERVAL_MS);
    }

    checkActive() {
      if (this.ended) throw new ChorusError('cancelled', 'The call ended while joining.');
    }

    openSocket() {
      const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
      return new Promise((resolve, reject) => {
        const ws = this.ws = new WebSocket(url);
        ws.onmessage = event => this.onSocketMessage(event.data);
        ws.onclose = event => reject(new ChorusError('socket-closed',
            'Cannot reach the server at ' + url + ' (WebSocket close code ' + event.code + ').'));
        ws.onopen = () => {
          ws.onclose = event => this.onSocketClosed(event);
          resolve();
        };
      });
    }

    send(message) {
      const shown = message.type === 'candidate' ? 'candidate ' + message.candidate
          : message.type + (message.id == null ? '' : ' (' + message.id + ')');
      log('send ' + shown);
      this.ws.send(JSON.stringify(message));
    }

    // Sends a message with a fresh id and waits for its reply; an error carrying that id rejects it.
    request(message, replyType, timeoutMs = REPLY_TIMEOUT_MS) {
      if (this.ended) return Promise.reject(new ChorusError('cancelled', 'The call has ended.'));
      const id = message.type + '-' + this.nextRequestId++;
      return new Promise((resolve, reject) => {
        const waiter = { type: replyType, id, resolve, reject };
        waiter.timer = setTimeout(() => {
          this.waiters = this.waiters.filter(w => w !== waiter);
          reject(new ChorusError('timeout', 'The server did not answer ' + message.type + ' within '
              + Math.round(timeoutMs / 1000) + ' s.'));
        }, timeoutMs);
        this.waiters.push(waiter);
        this.send(Object.assign({}, message, { id }));
      });
    }

    // Replies are matched by id where the server echoes one, otherwise by type.
    settleWaiter(msg) {
      const waiter = msg.type === 'error'
          ? this.waiters.find(w => msg.id != null && w.id === msg.id)
          : this.waiters.find(w => w.type === msg.type && (msg.id == null || w.id === msg.id));
      if (!waiter) return false;
      this.waiters = this.waiters.filter(w => w !== waiter);
      clearTimeout(waiter.timer);
      if (msg.type === 'error') {
        waiter.reject(new ChorusError(msg.code || 'error', msg.message || 'the server refused the request'));
      } else {
        waiter.resolve(msg);
      }
      return true;
    }

    onSocketMessage(data) {
      let msg;
      try {
        msg = JSON.parse(data);
      } catch (err) {
        showError(new ChorusError('invalid-message', 'The server sent something that is not JSON: ' + err.message));
        return;
      }
      log('recv ' + msg.type + (msg.type === 'candidate' ? ' ' + msg.candidate
          : msg.type === 'answer' || msg.type === 'joined' ? '' : ' ' + JSON.stringify(msg)));
      if (this.ended) return;
      const consumed = this.settleWaiter(msg);
      const handler = this.handlers[msg.type];
      if (!handler) {
        log('ignored unknown message type ' + msg.type);
        return;
      }
      try {
        handler.call(this, msg, consumed);
      } catch (err) {
        showError(err);
      }
    }

    onSocketClosed(event) {
      if (this.ended) return;
      if (this.leaving) {
        this.end('left', new ChorusError('left', 'You left the room.'));
        return;
      }
      this.end('error', new ChorusError('socket-closed', 'The connection to the server closed (code ' + event.code
          + (event.reason ? ': ' + event.reason : '') + ').'));
    }

    createPeerConnection(iceServers) {
      log('peer connection with ' + iceServers.length + ' ICE server(s)');
      const pc = this.pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
      app.remoteStream = new MediaStream();
      $('remote-video').srcObject = app.remoteStream;
      pc.ontrack = event => {
        log('remote ' + event.track.kind + ' track');
        app.remoteStream.addTrack(event.track);
        playRemote();
      };
      pc.onicecandidate = event => {
        const message = candidateMessage(event.candidate);
        if (this.offerSent) this.send(message); else this.localCandidates.push(message);
      };
      pc.onconnectionstatechange = () => this.onPeerConnectionState();
      // Audio first, then video: the server expects this m-line order.
      for (const track of [app.localStream.getAudioTracks()[0], app.localStream.getVideoTracks()[0]]) {
        const transceiver = pc.addTransceiver(track, { direction: 'sendrecv', streams: [app.localStream] });
        if (track.kind === 'video') preferVp8(transceiver);
      }
    }

    // The server shows our camera no larger than maxWidth x maxHeight: encode at that size, rate and
    // bitrate, or not at all when no output shows it (active: false).
    async constrainCamera(msg) {
      const sender = this.pc && this.pc.getSenders().find(s => s.track && s.track.kind === 'video');
      if (!sender) return;
      const settings = sender.track.getSettings();
      const params = sender.getParameters();
      if (!params.encodings || params.encodings.length === 0) params.encodings = [{}];
      const encoding = params.encodings[0];
      encoding.active = msg.active;
      if (msg.active) {
        const scale = Math.max(1, (settings.width || msg.maxWidth) / msg.maxWidth,
            (settings.height || msg.maxHeight) / msg.maxHeight);
        encoding.scaleResolutionDownBy = scale;
        encoding.maxFramerate = msg.maxFramerate;
        encoding.maxBitrate = msg.maxBitrate;
      }
      try {
        await sender.setParameters(params);
        app.videoConstraints = msg;
        log('camera now ' + (msg.active ? 'at most ' + msg.maxWidth + 'x' + msg.maxHeight + '@' + msg.maxFramerate
            + ', ' + Math.round(msg.maxBitrate / 1000) + ' kb/s' : 'paused (shown nowhere)'));
      } catch (err) {
        log('could not apply the camera constraints: ' + err.message);
      }
    }

    onPeerConnectionState() {
      app.connectionState = this.pc.connectionState;
      log('peer connection: ' + app.connectionState);
      renderConnectionState();
      if (app.connectionState === 'failed') {
        this.end('error', new ChorusError('ice-failed', 'The media connection failed (ICE): the server\'s media '
            + 'port stopped answering or cannot be reached (firewall, or TURN needed).'));
      } else if (app.connectionState === 'disconnected') {
        showStatus('Media connection interrupted; waiting for it to come back…', 'error');
      } else if (app.connectionState === 'connected' && app.state === 'joined') {
        showStatus('In room ' + app.room + '.', 'ok');
      }
    }

    async addRemoteCandidate(candidate) {
      try {
        await this.pc.addIceCandidate(candidate);
      } catch (err) {
        if (!this.ended) showError(new ChorusError('invalid-candidate', 'The browser refused a server candidate: ' + err.message));
      }
    }

    async sampleStats() {
      if (this.statsPending || !this.pc) return;
      this.statsPending = true;
      try {
        const totals = statsTotals(await this.pc.getStats());
        if (this.ended) return;
        app.stats = statsOverInterval(totals, this.previousStats);
        this.previousStats = totals;
        renderStats(app.stats);
      } catch (err) {
        log('getStats failed: ' + err.message);
      } finally {
        this.statsPending = false;
      }
    }

    // Ends the call once, whatever ended it; state is 'left' or 'error', reason says why.
    end(state, reason) {
      if (this.ended) return;
      this.ended = true;
      clearInterval(this.statsTimer);
      for (const waiter of this.waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(reason);
      }
      this.waiters = [];
      if (this.pc) this.pc.close();
      if (this.ws && this.ws.readyState <= WebSocket.OPEN) this.ws.close(1000, 'leaving');
      if (app.localStream) for (const track of app.localStream.getTracks()) track.stop();
      if (currentCall === this) currentCall = null;
      clearRoomState();
      app.endReason = { code: reason.code, message: reason.message };
      if (state === 'error') showError(reason); else showStatus(reason.message);
      setState(state);
    }
  }

  // Server messages; `consumed` is true when the message answered a request this page is waiting on.
  Call.prototype.handlers = {
    joined() {},
    answer() {},
    left(msg, consumed) {
      if (!consumed) log('the server says this participant left');
    },
    candidate(msg) {
      if (!msg.candidate) {
        log('the server has sent all its candidates');
        return;
      }
      const candidate = { candidate: msg.candidate, sdpMid: msg.sdpMid, sdpMLineIndex: msg.sdpMLineIndex };
      if (this.answerApplied) this.addRemoteCandidate(candidate); else this.remoteCandidates.push(candidate);
    },
    muted(msg) {
      setOwnMuted(msg.audio, msg.video);
      const self = app.participants.find(p => p.id === app.participantId);
      if (self) upsertParticipant(Object.assign({}, self, { audioMuted: app.audioMuted, videoMuted: app.videoMuted }));
    },
    'participant-joined'(msg) { upsertParticipant(msg.participant); },
    'participant-updated'(msg) { upsertParticipant(msg.participant); },
    'participant-left'(msg) { removeParticipant(msg.participant); },
    'active-speaker'(msg) { setActiveSpeaker(msg.participant); },
    layout(msg) { setLayout(msg.layout); },
    'video-constraints'(msg) { this.constrainCamera(msg); },
    tier(msg) {
      setTier(msg.tier);
      log('downstream quality now ' + JSON.stringify(msg.tier));
    },
    recording(msg) { jobEvent('recordings', msg.recording); },
    broadcast(msg) { jobEvent('broadcasts', msg.broadcast); },
    'connection-state'(msg) {
      app.serverConnectionState = msg.state == null ? null : String(msg.state);
      renderConnectionState();
      if (msg.state === 'failed' || (msg.state === 'closed' && !this.leaving)) {
        this.end('error', new ChorusError('connection-' + msg.state, 'The server reports the media connection '
            + msg.state + (msg.detail ? ': ' + msg.detail : '') + '.'));
      }
    },
    'room-closed'(msg) {
      this.end('left', new ChorusError('room-closed', 'The room was closed' + (msg.reason ? ': ' + msg.reason : '') + '.'));
    },
    kicked() {
      this.end('left', new ChorusError('kicked', 'A moderator removed you from the room.'));
    },
    chat(msg) { addChatLine(msg); },
    'room-locked'(msg) {
      log(msg.locked ? 'the room is now locked: only moderators may join' : 'the room is unlocked');
    },
    done() {},
    error(msg, consumed) {
      if (!consumed) showError(new ChorusError(msg.code || 'error', msg.message || 'the server reported an error'));
    }
  };

  function playRemote() {
    const video = $('remote-video');
    video.play().then(() => { $('play-button').hidden = true; }, err => {
      // Browsers refuse to start sound without a user gesture (e.g. after ?autojoin=1): offer a button.
      if (err.name === 'NotAllowedError') {
        $('play-button').hidden = false;
        showStatus('Press "Play" to hear and see the room (the browser blocked autoplay).', 'error');
      } else if (err.name !== 'AbortError') {
        log('remote video play(): ' + err.name + ': ' + err.message);
      }
    });
  }

  // ---------------------------------------------------------------- entry points (window.chorusApp)

  function joinOptionsFrom(options) {
    const room = options.room == null ? '' : String(options.room).trim();
    const name = options.name == null ? '' : String(options.name).trim();
    const token = options.token == null ? '' : String(options.token).trim();
    let maxBitrate = null;
    if (options.maxBitrate != null && options.maxBitrate !== '') {
      maxBitrate = Number(options.maxBitrate);
      if (!Number.isInteger(maxBitrate) || maxBitrate <= 0) {
        throw new ChorusError('invalid-field', 'maxBitrate must be a positive whole number of bits per second, got "'
            + options.maxBitrate + '".');
      }
    }
    return { room, name, token, maxBitrate, audioProcessing: options.audioProcessing !== false };
  }

  async function join(options = {}) {
    if (currentCall) {
      const busy = new ChorusError('busy', 'Already in a call; leave it first.');
      showError(busy);
      throw busy;
    }
    let joinOptions;
    try {
      joinOptions = joinOptionsFrom(options);
    } catch (err) {
      showError(err);
      setState('error');
      throw err;
    }
    const call = currentCall = new Call(joinOptions);
    app.lastError = null;
    app.endReason = null;
    setState('joining');
    try {
      await call.start();
    } catch (err) {
      call.end('error', err instanceof ChorusError ? err : new ChorusError('client-error', err.message || String(err)));
      throw err;
    }
    setState('joined');
  }

  async function leave() {
    const call = currentCall;
    if (!call) return;
    let reason = new ChorusError('left', 'You left the room.');
    if (call.joinedReceived && call.ws.readyState === WebSocket.OPEN) {
      call.leaving = true;
      try {
        await call.request({ type: 'leave' }, 'left', LEAVE_TIMEOUT_MS);
      } catch (err) {
        reason = new ChorusError('left', 'You left the room (the server did not confirm: ' + err.message + ').');
      }
    }
    call.end('left', reason);
  }

  // Either argument may be left undefined to keep that medium as it is.
  async function setMuted(audio, video) {
    const change = {};
    if (typeof audio === 'boolean') change.audio = audio;
    if (typeof video === 'boolean') change.video = video;
    if (!('audio' in change) && !('video' in change)) {
      throw new ChorusError('invalid-field', 'setMuted(audio, video) needs at least one boolean.');
    }
    setOwnMuted(change.audio, change.video);
    const call = currentCall;
    if (!call || !call.joinedReceived) return { audio: app.audioMuted, video: app.videoMuted };
    try {
      const reply = await call.request(Object.assign({ type: 'mute' }, change), 'muted');
      return { audio: reply.audio, video: reply.video };
    } catch (err) {
      showError(err);
      throw err;
    }
  }

  // ---------------------------------------------------------------- REST buttons

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const apiKey = $('api-key-input').value.trim();
    if (apiKey) headers.Authorization = 'Bearer ' + apiKey;
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (err) {
      throw new ChorusError('network', method + ' ' + path + ' failed: ' + err.message);
    }
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (err) {
      if (response.ok) throw new ChorusError('invalid-response', method + ' ' + path + ' answered with something that is not JSON.');
    }
    if (!response.ok) {
      const code = data && data.code ? data.code : 'http-' + response.status;
      const detail = data && data.message ? data.message : text.trim() || response.statusText;
      throw new ChorusError(code, method + ' ' + path + ': HTTP ' + response.status + ': ' + detail);
    }
    return data;
  }

  function roomPath(suffix) {
    if (!app.room) throw new ChorusError('not-joined', 'Join a room first.');
    return '/api/rooms/' + encodeURIComponent(app.room) + suffix;
  }

  // Runs one button's REST action: the button is disabled meanwhile and any error is shown.
  async function runAction(button, action) {
    button.disabled = true;
    try {
      await action();
    } catch (err) {
      showError(err);
    } finally {
      button.disabled = false;
      renderJobs('recordings');
      renderJobs('broadcasts');
    }
  }

  async function changeLayout(layout) {
    await api('PUT', roomPath('/layout'), { layout });
    setLayout(layout);
    showStatus('Layout set to ' + layout + '.', 'ok');
  }

  async function startRecording() {
    const created = await api('POST', roomPath('/recordings'), { format: 'webm' });
    if (!created || created.id == null) throw new ChorusError('invalid-response', 'The server created a recording but sent no id.');
    updateJob('recordings', Object.assign({ state: 'requested' }, created));
    showStatus('Recording started' + (created.file ? ' → ' + created.file : '') + '.', 'ok');
  }

  async function stopJob(kind, path) {
    const job = activeJob(kind);
    if (!job) throw new ChorusError('not-running', 'There is nothing to stop.');
    const result = await api('DELETE', roomPath(path + encodeURIComponent(job.id)));
    updateJob(kind, Object.assign({ state: 'stopped' }, result, { id: job.id }));
    showStatus(JOB_KINDS[kind].label + ' ' + job.id + ' stopped.', 'ok');
  }

  async function startBroadcast() {
    const url = $('broadcast-url-input').value.trim();
    if (!/^rtmps?:\/\/\S+$/i.test(url)) {
      $('broadcast-url-input').focus();
      throw new ChorusError('invalid-field', 'Enter an rtmp:// or rtmps:// URL to broadcast to.');
    }
    const created = await api('POST', roomPath('/broadcasts'), { url });
    if (!created || created.id == null) throw new ChorusError('invalid-response', 'The server created a broadcast but sent no id.');
    updateJob('broadcasts', Object.assign({ url }, created));
    showStatus('Broadcast ' + created.id + ' ' + (created.state || 'requested') + '.', 'ok');
  }

  // ---------------------------------------------------------------- wiring

  function formOptions() {
    return {
      room: $('room-input').value,
      name: $('name-input').value,
      token: $('token-input').value,
      maxBitrate: $('bitrate-select').value,
      audioProcessing: new URLSearchParams(location.search).get('audioProcessing') !== '0'
    };
  }

  function ignoreShown() {
    // join(), leave() and setMuted() already put their errors in the status line.
  }

  $('join-form').addEventListener('submit', event => {
    event.preventDefault();
    join(formOptions()).catch(ignoreShown);
  });
  $('leave-button').addEventListener('click', () => leave().catch(ignoreShown));
  $('chat-form').addEventListener('submit', sendChat);
  $('mute-audio-button').addEventListener('click', () => setMuted(!app.audioMuted, undefined).catch(ignoreShown));
  $('mute-video-button').addEventListener('click', () => setMuted(undefined, !app.videoMuted).catch(ignoreShown));
  $('play-button').addEventListener('click', () => {
    $('remote-video').play().then(() => {
      $('play-button').hidden = true;
      showStatus('In room ' + app.room + '.', 'ok');
    }, showError);
  });
  for (const button of [$('layout-grid-button'), $('layout-speaker-button')]) {
    button.addEventListener('click', () => runAction(button, () => changeLayout(button.dataset.layout)));
  }
  $('record-start-button').addEventListener('click', event => runAction(event.currentTarget, startRecording));
  $('record-stop-button').addEventListener('click', event =>
    runAction(event.currentTarget, () => stopJob('recordings', '/recordings/')));
  $('broadcast-start-button').addEventListener('click', event => runAction(event.currentTarget, startBroadcast));
  $('broadcast-stop-button').addEventListener('click', event =>
    runAction(event.currentTarget, () => stopJob('broadcasts', '/broadcasts/')));

  // ?room=..&name=..&maxBitrate=..&autojoin=1 prefill the form and join without a click. A join token
  // comes in the fragment (#token=..), which browsers never send to the server, so it stays out of access logs.
  function applyUrlParameters() {
    const params = new URLSearchParams(location.search);
    const fragment = new URLSearchParams(location.hash.substring(1));
    if (fragment.has('token')) {
      $('token-input').value = fragment.get('token');
      history.replaceState(null, '', location.pathname + location.search);
    }
    if (params.has('room')) $('room-input').value = params.get('room');
    if (params.has('name')) $('name-input').value = params.get('name');
    if (params.has('maxBitrate')) {
      const value = params.get('maxBitrate');
      const select = $('bitrate-select');
      if (![...select.options].some(o => o.value === value)) {
        select.add(new Option(Math.round(Number(value) / 1000) + ' kb/s (from the address)', value));
      }
      select.value = value;
    }
    if (params.get('autojoin') === '1') {
      if (!$('name-input').value.trim()) $('name-input').value = 'Guest ' + Math.floor(1000 + Math.random() * 9000);
      join(formOptions()).catch(ignoreShown);
    }
  }

  renderParticipants();
  renderJobs('recordings');
  renderJobs('broadcasts');
  applyUrlParameters();
})();
