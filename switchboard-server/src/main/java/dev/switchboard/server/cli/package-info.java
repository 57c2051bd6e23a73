/** The {@code switchboard} command line. */
@NullMarked
package dev.switchboard.server.cli;

import org.jspecify.annotations.NullMarked;
