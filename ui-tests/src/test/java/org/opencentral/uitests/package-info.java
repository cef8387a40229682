/**
 * Browser tests: a real node ({@code TestPlatform}) and Debian's Chromium driven by Playwright,
 * written as stories over small page objects.
 *
 * <h2>Page objects</h2>
 * Tests never locate elements by role or label themselves; they talk to a page object per page or
 * tab ({@link org.opencentral.uitests.SignInPage}, {@link org.opencentral.uitests.AppShell} for the
 * navigation, {@link org.opencentral.uitests.DeviceListPage}, {@link org.opencentral.uitests.DevicePage}
 * with its {@link org.opencentral.uitests.TelemetryTab}, {@link org.opencentral.uitests.RawDataTab},
 * {@link org.opencentral.uitests.PropertiesTab} and {@link org.opencentral.uitests.CommandsTab},
 * {@link org.opencentral.uitests.TemplatesPage}, {@link org.opencentral.uitests.TemplatePage},
 * {@link org.opencentral.uitests.GroupEditorPage}, {@link org.opencentral.uitests.RulesPage},
 * {@link org.opencentral.uitests.RuleEditorPage}, {@link org.opencentral.uitests.RulePage},
 * {@link org.opencentral.uitests.ExportsPage},
 * {@link org.opencentral.uitests.ExportEditorPage}, {@link org.opencentral.uitests.DestinationsPage},
 * {@link org.opencentral.uitests.ConfirmDialog}).
 * To add one (say, for jobs):
 * <ul>
 *   <li>a package-private {@code record JobsPage(Page page)} in this package, one file per page;</li>
 *   <li>{@code static JobsPage open(Page page)} navigates to it, {@code shown(Page page)} asserts its
 *       heading for a page reached by a click;</li>
 *   <li>actions are verbs named as the operator would say them ({@code create(name)},
 *       {@code cancel(id)}) and return the page object the UI lands on;</li>
 *   <li>what tests assert on is returned as a {@code Locator} ({@code status(id)}, {@code error()}),
 *       so the assertions, with Playwright's auto-waiting, stay in the test;</li>
 *   <li>locators are built with {@link org.opencentral.uitests.Roles} (exact accessible names) or
 *       test ids, and each lives in exactly one page object.</li>
 * </ul>
 * Screenshots for the docs: {@code window.shot("NN-name")} ({@link org.opencentral.uitests.BrowserWindow}).
 */
package org.opencentral.uitests;
