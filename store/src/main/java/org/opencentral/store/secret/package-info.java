/**
 * The AES-256-GCM implementation of {@link org.opencentral.core.secret.SecretCipher} and the
 * format of its sealed values. JDK cryptography only; knows nothing of JDBC or files.
 */
package org.opencentral.store.secret;
