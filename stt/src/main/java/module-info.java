/**
 * tunnelcodec STT (Stateless Transport Tunneling, draft-davie-stt-08): the frame header, the
 * TCP-like segment header, the segmenter and a bounded, hostile-input-safe reassembler.
 */
module org.tunnelcodec.stt {
    requires transitive org.tunnelcodec.core;

    exports org.tunnelcodec.stt;
}
