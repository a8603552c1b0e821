import java.awt.AWTException;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.Action;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JTextArea;
import javax.swing.MenuSelectionManager;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import uk.ac.starlink.table.StarTableOutput;
import uk.ac.starlink.topcat.ControlWindow;
import uk.ac.starlink.topcat.Driver;
import uk.ac.starlink.topcat.LoadWindow;
import uk.ac.starlink.topcat.TableViewerWindow;
import uk.ac.starlink.topcat.TopcatModel;
import uk.ac.starlink.topcat.TopcatTapTableLoadDialog;
import uk.ac.starlink.util.gui.ExampleSelectField;
import uk.ac.starlink.vo.TableSetPanel;
import uk.ac.starlink.vo.TapQueryPanel;

/**
 * TOPCAT's upload join as its user does it, in TOPCAT's own JVM: TOPCAT starts with the catalogue (its table 1),
 * the TAP window is opened from the VO menu, the service URL typed and "Use Service" pressed, and once the
 * service's tables are shown the ADQL naming TAP_UPLOAD.t1 is typed and "Run Query" pressed. The rows of the table
 * TOPCAT loads from the answer are written as CSV and the screen photographed. Run by TopcatIT with Java's
 * source-file launcher and TOPCAT's jar as the class path (Debian's TOPCAT is no Maven artifact to compile against).
 * Arguments: TAP URL, catalogue file, ADQL, CSV file to write, PNG file to write. A step that fails or does not
 * happen in time ends the JVM with status 1, the step's name on standard error and the whole screen photographed.
 */
public class TopcatUploadJoin {

    private static final Duration STEP = Duration.ofSeconds(40);

    public static void main(String[] args) throws Exception {
        String tapUrl = args[0];
        String catalogue = args[1];
        String adql = args[2];
        File rows = new File(args[3]);
        File screenshot = new File(args[4]);
        try {
            // no SAMP hub of TOPCAT's own (-noserv, no SAMP at all, makes 4.8.7 fail to show a loaded table)
            Driver.main(new String[] {"-nohub", catalogue});
            ControlWindow control = onScreen(ControlWindow::getInstance);
            await("TOPCAT loaded the catalogue as table 1", () -> control.getTablesListModel().getSize() == 1);

            JMenu vo = onScreen(() -> Arrays.stream(control.getJMenuBar().getSubElements()).map(JMenu.class::cast)
                    .filter(menu -> "VO".equals(menu.getText())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no VO menu")));
            onScreen(() -> {
                vo.doClick();
                return null;
            });
            JMenuItem tapItem = await("the VO menu offered the TAP query", () -> Arrays.stream(vo.getMenuComponents())
                    .filter(item -> item instanceof JMenuItem menuItem && menuItem.getText() != null
                            && menuItem.getText().startsWith("Table Access Protocol"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("VO menu: " + Arrays
                            .stream(vo.getMenuComponents()).map(String::valueOf).toList())));
            onScreen(() -> {
                tapItem.doClick();
                MenuSelectionManager.defaultManager().clearSelectedPath();
                return null;
            });
            LoadWindow loads = onScreen(control::getLoadWindow);
            TopcatTapTableLoadDialog tap = (TopcatTapTableLoadDialog) onScreen(
                    () -> loads.getKnownDialog(TopcatTapTableLoadDialog.class));
            Window tapWindow = await("the TAP window opened",
                    () -> SwingUtilities.getWindowAncestor(tap.getQueryComponent()));
            onScreen(() -> {
                only(tapWindow, ExampleSelectField.class, "the TAP URL field").setText(tapUrl);
                button(tapWindow, "Use Service").doClick();
                return null;
            });
            // a user waits for the service's capabilities (its ADQL version, upload limits) and tables before
            // sending a query; reading /tables is where Java first authenticates, so the upload carries the token
            await("the TAP window showed the service's capabilities and tables", () -> {
                TapQueryPanel query = only(tapWindow, TapQueryPanel.class, "the query panel");
                TableSetPanel tables = only(query, TableSetPanel.class, "the table list");
                return query.getCapabilityPanel().getCapability() != null && tables.getSchemas() != null
                        && tables.getSchemas().length > 0;
            });
            onScreen(() -> {
                // the one text the user can edit: the service's description beside it is a text area too
                List<JTextArea> editable = all(only(tapWindow, TapQueryPanel.class, "the query panel"),
                        JTextArea.class).stream().filter(area -> area.isShowing() && area.isEditable()).toList();
                if (editable.size() != 1) {
                    throw new IllegalStateException(editable.size() + " editable ADQL texts showing");
                }
                JTextArea text = editable.get(0);
                text.setText(adql);
                text.setCaretPosition(adql.length());
                return null;
            });
            AbstractButton run = await("the Run Query button became enabled", () -> {
                AbstractButton button = button(tapWindow, "Run Query");
                return button.isEnabled() ? button : null;
            });
            onScreen(() -> {
                run.doClick();
                return null;
            });
            TopcatModel result = await("TOPCAT loaded the query's result as table 2",
                    () -> control.getTablesListModel().getSize() == 2 ? control.getTablesListModel().getElementAt(1)
                            : null);
            new StarTableOutput().writeStarTable(result.getApparentStarTable(), rows.getPath(), "csv");

            // the picture: the windows side by side (Xvfb has no window manager to place them) and the result's
            // rows shown by the toolbar's Table Data button, with table 2 selected as it is after loading
            onScreen(() -> {
                control.setLocation(0, 0);
                tapWindow.setLocation(control.getWidth() + 5, 0);
                all(control, AbstractButton.class).stream().filter(button -> button.getAction() != null
                        && "Table Data".equals(button.getAction().getValue(Action.NAME))).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no Table Data button")).doClick();
                return null;
            });
            Window viewer = await("the Table Data window showed the result", () -> Arrays.stream(Window.getWindows())
                    .filter(window -> window instanceof TableViewerWindow && window.isShowing()).findFirst()
                    .orElse(null));
            onScreen(() -> {
                viewer.setBounds(0, control.getHeight() + 5, control.getWidth(), 500);
                return null;
            });
            Thread.sleep(1_500);
            photograph(screenshot, onScreen(() -> control.getBounds().union(tapWindow.getBounds())
                    .union(viewer.getBounds())));
            System.exit(0);
        } catch (Throwable failure) {
            System.err.println("TOPCAT's upload join failed: " + failure);
            failure.printStackTrace();
            photograph(screenshot, new Rectangle(Toolkit.getDefaultToolkit().getScreenSize()));
            System.exit(1);
        }
    }

    /** Runs on the event dispatch thread, as everything touching Swing must, and returns what it returned. */
    private static <T> T onScreen(Callable<T> task) throws Exception {
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                value.set(task.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return value.get();
    }

    /**
     * Polls the condition on the event dispatch thread until it gives something other than null or false; a TOPCAT
     * error dialog, or the time running out, fails the step.
     */
    @SuppressWarnings("unchecked")
    private static <T> T await(String step, Callable<?> condition) throws Exception {
        Instant deadline = Instant.now().plus(STEP);
        String lastProblem = "";
        while (Instant.now().isBefore(deadline)) {
            String error = onScreen(TopcatUploadJoin::errorDialog);
            if (error != null) {
                throw new IllegalStateException("Step '" + step + "': TOPCAT showed an error: " + error);
            }
            try {
                Object value = onScreen(condition);
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return (T) value;
                }
            } catch (IllegalStateException notYet) {
                lastProblem = " (" + notYet.getMessage() + ")";
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Step '" + step + "' did not happen within " + STEP + lastProblem);
    }

    /**
     * The texts of a showing dialog, which is how TOPCAT reports a failure, or null if none shows. The TAP window
     * searches the IVOA registry for services as it opens, and its error dialog is dismissed, as a user without the
     * internet (a test machine) would: this service is given by its URL.
     */
    private static String errorDialog() {
        for (Window window : Window.getWindows()) {
            if (window instanceof Dialog dialog && dialog.isShowing()) {
                if ("Service search error".equals(dialog.getTitle())) {
                    button(dialog, "OK").doClick();
                    continue;
                }
                StringBuilder texts = new StringBuilder(String.valueOf(dialog.getTitle()));
                for (Component text : all(dialog, Component.class)) {
                    if (text instanceof JLabel label && label.getText() != null) {
                        texts.append(" | ").append(label.getText());
                    } else if (text instanceof JTextComponent field) {
                        texts.append(" | ").append(field.getText());
                    }
                }
                return texts.toString();
            }
        }
        return null;
    }

    private static AbstractButton button(Container root, String text) {
        List<AbstractButton> buttons = all(root, AbstractButton.class).stream()
                .filter(button -> text.equals(button.getText()) && button.isShowing()).toList();
        if (buttons.size() != 1) {
            throw new IllegalStateException(buttons.size() + " buttons '" + text + "' showing");
        }
        return buttons.get(0);
    }

    /** The one showing component of that type under the root. */
    private static <T extends Component> T only(Container root, Class<T> type, String what) {
        List<T> found = all(root, type).stream().filter(Component::isShowing).toList();
        if (found.size() != 1) {
            throw new IllegalStateException(found.size() + " of " + what + " showing: " + found.stream()
                    .map(component -> component.getClass().getName()).toList());
        }
        return found.get(0);
    }

    private static <T extends Component> List<T> all(Container root, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Component child : root.getComponents()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            if (child instanceof Container container) {
                found.addAll(all(container, type));
            }
        }
        return found;
    }

    /** That part of the screen, as a PNG file. */
    private static void photograph(File file, Rectangle part) throws AWTException, IOException {
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(new Robot().createScreenCapture(screen.intersection(part)), "png", file);
    }
}
