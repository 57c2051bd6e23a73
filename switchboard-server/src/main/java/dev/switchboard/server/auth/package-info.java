/**
 * Authentication of upstream clients: {@link dev.switchboard.server.auth.Authenticator} turns the
 * credentials of a request (an API key, a bearer JWT) into the {@link
 * dev.switchboard.core.policy.Principal} that policy and session pools use, or a 401 rejection;
 * {@link dev.switchboard.server.auth.AdminAccess} guards the admin routes; {@link
 * dev.switchboard.server.auth.BindCheck} refuses a public listen address without authentication.
 * Independent of Jetty: a request is seen through a header lookup.
 */
@NullMarked
package dev.switchboard.server.auth;

import org.jspecify.annotations.NullMarked;
