package org.mutualis.listings.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The text analysis of the listing index: French (elision, lower case, stop words, accent folding, light stemming,
 * so that "equipement" finds "Équipement" and "salles" finds "salle") and English (possessives, stop words,
 * folding, Porter stemming).
 */
public final class ListingAnalyzers {

	private ListingAnalyzers() {
	}

	/** @return the analyser of French text */
	public static Analyzer french() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				TokenStream result = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
				result = new LowerCaseFilter(result);
				result = new StopFilter(result, FrenchAnalyzer.getDefaultStopSet());
				result = new ASCIIFoldingFilter(result);
				result = new FrenchLightStemFilter(result);
				return new TokenStreamComponents(source, result);
			}

			@Override
			protected TokenStream normalize(String fieldName, TokenStream in) {
				return new ASCIIFoldingFilter(new LowerCaseFilter(new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES)));
			}
		};
	}

	/** @return the analyser of English text */
	public static Analyzer english() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				TokenStream result = new EnglishPossessiveFilter(source);
				result = new LowerCaseFilter(result);
				result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
				result = new ASCIIFoldingFilter(result);
				result = new PorterStemFilter(result);
				return new TokenStreamComponents(source, result);
			}

			@Override
			protected TokenStream normalize(String fieldName, TokenStream in) {
				return new ASCIIFoldingFilter(new LowerCaseFilter(in));
			}
		};
	}

}
