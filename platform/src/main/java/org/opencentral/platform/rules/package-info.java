/**
 * Rules: checking a rule against its device template ({@link RuleChecker}), storing and changing
 * rules ({@link RuleService}), and evaluating them from the event log. Reads templates through the
 * {@code template} package; must not import the edges ({@code api}, {@code transport}) or a store
 * implementation.
 */
package org.opencentral.platform.rules;
