/**
 * Rules: checking a rule against its device template ({@link RuleChecker}), storing and changing
 * rules ({@link RuleService}), evaluating them from the event log, and trying an action once
 * ({@link ActionTests}). Reads templates through the {@code template} package and device groups
 * through the {@code group} package; must not import the edges ({@code api}, {@code transport}) or
 * a store implementation.
 */
package org.opencentral.platform.rules;
