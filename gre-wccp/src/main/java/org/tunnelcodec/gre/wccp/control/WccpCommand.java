package org.tunnelcodec.gre.wccp.control;

import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.internal.Check;

/**
 * A Command Element of a Command Extension component ([W01] 5.6.12, [R1] 5.1.4 and 6.12).
 *
 * <pre>
 *  +--------------------+--------------------+
 *  | Command Type (16)  | Command Length (16)|
 *  +--------------------+--------------------+
 *  | Command Data (Length octets)            |
 *  +-----------------------------------------+
 * </pre>
 *
 * <p>SHUTDOWN and SHUTDOWN_RESPONSE carry one 4-octet address element; with another length
 * they are {@code BAD_LENGTH} when decoding. Other types are kept as {@link Unknown}.
 */
public sealed interface WccpCommand {
    /** Command Type 1, WCCP2_COMMAND_TYPE_SHUTDOWN. */
    int SHUTDOWN = 1;
    /** Command Type 2, WCCP2_COMMAND_TYPE_SHUTDOWN_RESPONSE. */
    int SHUTDOWN_RESPONSE = 2;

    /**
     * Returns the Command Type, 0..65535.
     *
     * @return the Command Type, 0..65535
     */
    int type();

    /**
     * Returns the Command Length: the octets of the data.
     *
     * @return the Command Length: the octets of the data
     */
    int dataLength();

    /**
     * SHUTDOWN: a cache tells the routers to stop redirecting to it.
     *
     * @param webCache the cache's address element
     */
    record Shutdown(Ipv4Address webCache) implements WccpCommand {
        /**
         * Checks the component.
         *
         * @param webCache the cache's address element
         */
        public Shutdown {
            Objects.requireNonNull(webCache, "webCache");
        }

        @Override
        public int type() {
            return SHUTDOWN;
        }

        @Override
        public int dataLength() {
            return 4;
        }
    }

    /**
     * SHUTDOWN_RESPONSE: a router acknowledges a SHUTDOWN.
     *
     * @param webCache the cache's address element
     */
    record ShutdownResponse(Ipv4Address webCache) implements WccpCommand {
        /**
         * Checks the component.
         *
         * @param webCache the cache's address element
         */
        public ShutdownResponse {
            Objects.requireNonNull(webCache, "webCache");
        }

        @Override
        public int type() {
            return SHUTDOWN_RESPONSE;
        }

        @Override
        public int dataLength() {
            return 4;
        }
    }

    /**
     * A command type this library does not define, kept raw.
     *
     * @param type the Command Type, 0 or 3..65535
     * @param data the Command Data, at most 65535 octets
     */
    record Unknown(int type, ByteString data) implements WccpCommand {
        /**
         * Checks the components.
         *
         * @param type the Command Type, 0 or 3..65535
         * @param data the Command Data, at most 65535 octets
         */
        public Unknown {
            Check.inRange("type", type, 0, 0xFFFF);
            Check.argument(type != SHUTDOWN && type != SHUTDOWN_RESPONSE, "type", type, "not 1 or 2");
            Objects.requireNonNull(data, "data");
            Check.inRange("data.length()", data.length(), 0, 0xFFFF);
        }

        @Override
        public int dataLength() {
            return data.length();
        }
    }
}
