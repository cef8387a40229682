/**
 * Private to the module: the parser, split by element kind ({@code InterfaceParser},
 * {@code ContentParser}, {@code CapabilityParser}, {@code CommandParser}, {@code RelationshipParser},
 * {@code SchemaParser}, {@code ComplexSchemaParser}, {@code EnumParser}), the language rules
 * ({@code DtmiRules}, {@code NameRules}, {@code SemanticUnits}, {@code CoTypes}), the document
 * {@code Registry} that resolves references, and the post-expansion {@code InterfaceChecks}.
 *
 * <p>Errors are collected in an {@code ErrorSink}, never thrown. Must not be used outside the module.
 */
package org.opencentral.dtdl.internal;
