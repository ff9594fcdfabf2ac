package org.mutualis.local;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The main class every child JVM of the stack starts with: it watches the launcher's process and exits this JVM
 * (shutdown hooks first, so services close cleanly) as soon as the launcher is gone, then runs the part's real
 * main class. A launcher killed with SIGKILL therefore leaves no part running. It is copied alone into a small
 * jar for the services (see {@link PartCommands}), so it uses no other class of this module.
 */
public final class ParentWatch {

	/** The system property naming the pid of the process the child must not outlive. */
	public static final String LAUNCHER_PID = "mutualis.launcher.pid";

	private static final long POLL_MILLIS = 500;

	private static final long HALT_AFTER_MILLIS = 20_000;

	private ParentWatch() {
	}

	/**
	 * Starts the watch, then the part.
	 * @param args {@code <main class> <its arguments...>}
	 * @throws Throwable whatever the part's main method throws
	 */
	public static void main(String[] args) throws Throwable {
		if (args.length == 0) {
			System.err.println("usage: ParentWatch <main class> [arguments...] (with -D" + LAUNCHER_PID + "=<pid>)");
			System.exit(2);
		}
		String pid = System.getProperty(LAUNCHER_PID);
		if (pid != null && !pid.isBlank()) {
			watch(Long.parseLong(pid.trim()));
		}
		Method main;
		try {
			main = Class.forName(args[0]).getMethod("main", String[].class);
		}
		catch (ClassNotFoundException ex) {
			System.err.println("cannot start " + args[0] + ": it is not in the class path "
					+ System.getProperty("java.class.path") + " (is the jar complete?)");
			System.exit(1);
			return;
		}
		try {
			main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static void watch(long pid) {
		// normally the launcher is the parent; if something stands between them, watch the pid itself
		boolean parent = childOf(pid);
		Thread watcher = new Thread(() -> {
			while (parent ? childOf(pid) : ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()) {
				try {
					Thread.sleep(POLL_MILLIS);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
			System.err.println("the launcher (pid " + pid + ") is gone: stopping this part");
			Thread halt = new Thread(() -> {
				try {
					Thread.sleep(HALT_AFTER_MILLIS);
				}
				catch (InterruptedException ex) {
					// exiting anyway
				}
				Runtime.getRuntime().halt(137);
			}, "mutualis-parent-watch-halt");
			halt.setDaemon(true);
			halt.start();
			System.exit(143);
		}, "mutualis-parent-watch");
		watcher.setDaemon(true);
		watcher.start();
	}

	/**
	 * Whether this JVM is still the launcher's child: when the launcher dies, even by SIGKILL and before anyone reaps
	 * it, the kernel gives its children another parent, so a reused pid cannot fool this check.
	 */
	private static boolean childOf(long pid) {
		return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == pid;
	}

}
