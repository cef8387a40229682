/**
 * Continuous data export definitions as values: exports (what to send, filtered and enriched) and
 * their destinations (where to send it, secrets included in plaintext: the stores seal them). No
 * storage, no platform types.
 */
package org.opencentral.core.export;
