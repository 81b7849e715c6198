/**
 * tunnelcodec's test kit, for this project's tests and for users' own: run the shared codec
 * contract ({@link org.tunnelcodec.testdata.CodecContract}) with one line, draw valid core
 * headers ({@link org.tunnelcodec.testdata.CoreArbitraries}), read the captures the project
 * generated and the shared corpus ({@link org.tunnelcodec.testdata.Captures}, through the
 * pure-Java reader of {@code tunnelcodec-capture}), and compare with tshark's decodes
 * ({@link org.tunnelcodec.testdata.TsharkGolden}).
 *
 * <p>Depend on it in test scope. The contract's properties set their own number of tries,
 * so the kit needs no {@code junit-platform.properties} of its user.
 */
package org.tunnelcodec.testdata;
