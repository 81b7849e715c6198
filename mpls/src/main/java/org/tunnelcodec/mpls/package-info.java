/**
 * MPLS label stacks (placeholder, completed with the module).
 */
package org.tunnelcodec.mpls;
