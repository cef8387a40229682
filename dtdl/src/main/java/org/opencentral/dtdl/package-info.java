/**
 * OpenCentral's DTDL library: parse, resolve and validate DTDL v2/v3 models with the IoT Central
 * extension. Entry points: {@link org.opencentral.dtdl.DtdlParser} (documents → expanded
 * {@link org.opencentral.dtdl.model.Interface}s or {@link org.opencentral.dtdl.DtdlError}s) and
 * {@link org.opencentral.dtdl.DtdlValidator} (files and folders). References are resolved from the
 * documents given together and from a pluggable {@link org.opencentral.dtdl.ModelSource}.
 *
 * <p>Depends on the JDK and Jackson only; nothing else of OpenCentral. {@code ..internal} is private
 * to the module.
 */
package org.opencentral.dtdl;
