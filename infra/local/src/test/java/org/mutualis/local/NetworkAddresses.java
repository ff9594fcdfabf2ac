package org.mutualis.local;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;

/** Finds an address of this machine that other machines could reach, to show a part does not listen there. */
final class NetworkAddresses {

	private NetworkAddresses() {
	}

	static Optional<String> nonLoopback() {
		try {
			return NetworkInterface.networkInterfaces()
				.filter(NetworkAddresses::up)
				.flatMap(NetworkInterface::inetAddresses)
				.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress()
						&& !address.isLinkLocalAddress())
				.map(InetAddress::getHostAddress)
				.findFirst();
		}
		catch (SocketException ex) {
			return Optional.empty();
		}
	}

	private static boolean up(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

}
