package dev.switchboard.server.auth;

/**
 * Why a token was refused: a fixed text of ours, never anything the token holds. Carries no stack
 * trace, as it ends a rejected request, not a bug.
 */
final class InvalidToken extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidToken(String reason) {
        super(reason, null, false, false);
    }
}
