/**
 * tunnelcodec's gre module. Its codecs arrive with their own issue; the module builds empty
 * until then so that the layout, the dependency rule and the build are in place.
 */
module org.tunnelcodec.gre {
    requires org.tunnelcodec.core;
}
