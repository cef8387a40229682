package org.opencentral.platform.rules.action;

import java.util.List;

/** Sends one plain-text email (the server's SMTP client implements it). */
public interface Mailer {
    Delivery send(List<String> to, String subject, String body);
}
