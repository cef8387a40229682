/** Email over SMTP (Jakarta Mail) for rule email actions: the platform's {@code Mailer} port. */
package org.opencentral.server.mail;
