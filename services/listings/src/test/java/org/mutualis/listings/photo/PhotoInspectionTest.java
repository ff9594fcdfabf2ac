package org.mutualis.listings.photo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mutualis.listings.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

class PhotoInspectionTest {

	@Test
	void aPngDeclaringThirtyThousandPixelsSquareIsRefusedWithoutBeingDecoded() throws IOException {
		// 900 megapixels declared in a few hundred bytes: decoding it would need gigabytes of heap
		byte[] bomb = TestImages.pngDeclaring(30_000, 30_000);
		assertThat(bomb.length).isLessThan(2_000);
		assertThat(PhotoInspection.inspect(bomb)).isEqualTo(new PhotoInspection.Verdict.Rejected("photo-too-large"));
		// 48 megapixels: small enough for the JDK to try, too large for the cap
		assertThat(PhotoInspection.inspect(TestImages.pngDeclaring(8_000, 6_000)))
			.isEqualTo(new PhotoInspection.Verdict.Rejected("photo-too-large"));
		assertThat(PhotoInspection.inspect(TestImages.pngDeclaring(8_000, 6_000), 50_000_000))
			.isEqualTo(new PhotoInspection.Verdict.Rejected("unreadable-photo"));
	}

	@Test
	void aPhotoWithinTheCapIsDecoded() throws IOException {
		assertThat(PhotoInspection.inspect(TestImages.png(1200, 800)))
			.isInstanceOfSatisfying(PhotoInspection.Verdict.Accepted.class,
					(accepted) -> assertThat(accepted.format()).isEqualTo(PhotoFormat.PNG));
	}

	@Test
	void webpIsRefusedBecauseNoDecoderChecksIt() {
		byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(PhotoInspection.inspect(webp)).isEqualTo(new PhotoInspection.Verdict.Rejected("webp-not-supported"));
	}

}
