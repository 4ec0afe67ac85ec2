// The lesson panel: a guided lesson's step, its progress and its buttons.

/** The lesson panel (`.lesson`, or the region named `title` when given). */
class LessonPanel {
  constructor(root, title) {
    this.panel = title ? root.getByRole('region', { name: title }) : root.locator('.lesson');
  }

  /** "Step 3 of 6". */
  progress() {
    return this.panel.locator('.progress-label');
  }

  /** The title of the step shown. */
  stepTitle() {
    return this.panel.locator('.step-title');
  }

  /** The button to the next step. */
  next() {
    return this.panel.getByRole('button', { name: 'Next →' });
  }

  /** The button to the step before. */
  back() {
    return this.panel.getByRole('button', { name: '← Back' });
  }

  /** Puts back the step's values after the reader moved the controls. */
  backToValues() {
    return this.panel.getByRole('button', { name: "Back to the lesson's values" });
  }

  /** Leaves the lesson. */
  leave() {
    return this.panel.getByRole('button', { name: 'Leave the lesson' });
  }
}

module.exports = { LessonPanel };
