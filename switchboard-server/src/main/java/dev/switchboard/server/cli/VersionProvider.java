package dev.switchboard.server.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = SwitchboardCommand.class.getPackage().getImplementationVersion();
        return new String[] {"switchboard " + (v == null ? "development build" : v)};
    }
}
