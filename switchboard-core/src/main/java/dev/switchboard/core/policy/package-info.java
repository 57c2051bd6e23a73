/**
 * Access policy: who may use which servers, tools, prompts and resources. {@link
 * dev.switchboard.core.policy.Principal} is the authenticated caller (user, agent, roles) and
 * {@link dev.switchboard.core.policy.Policy} the compiled rules of the configuration's {@code
 * gateway.policy}, applied alike to listings and to calls. A hidden item answers exactly as a
 * missing one ({@link dev.switchboard.core.policy.Policy#unknownTool}).
 */
@NullMarked
package dev.switchboard.core.policy;

import org.jspecify.annotations.NullMarked;
