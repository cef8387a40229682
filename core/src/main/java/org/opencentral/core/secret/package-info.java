/**
 * Secrets kept at rest: the {@link org.opencentral.core.secret.SecretCipher} port through which the
 * stores seal the symmetric keys they must be able to give back (device keys, enrollment-group
 * keys). Implementations live in the store module; the composition root chooses the key. Imports
 * nothing but the JDK.
 */
package org.opencentral.core.secret;
