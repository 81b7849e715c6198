/**
 * tunnelcodec's lisp module. Its codecs arrive with their own issue; the module builds empty
 * until then so that the layout, the dependency rule and the build are in place.
 */
module org.tunnelcodec.lisp {
    requires transitive org.tunnelcodec.core;

    exports org.tunnelcodec.lisp;
}
