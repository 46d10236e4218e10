package io.crosslist.domain.suggestion;

/**
 * The tokens a language model counted for one suggestion (zero for the offline suggester).
 *
 * @param prompt tokens of the question, zero or more
 * @param completion tokens of the answer, zero or more
 */
public record TokenUsage(int prompt, int completion) {
  public static final TokenUsage NONE = new TokenUsage(0, 0);

  public TokenUsage {
    if (prompt < 0 || completion < 0) {
      throw new IllegalArgumentException("token counts must be zero or more, got " + prompt + " and " + completion);
    }
  }

  public int total() {
    return prompt + completion;
  }
}
