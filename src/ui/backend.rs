//! A plotters backend over `<canvas>`, written for how the app draws: six charts on every
//! input.
//!
//! Two things make it cheaper than a general canvas backend:
//! - **Text is measured with the canvas itself** (`measureText`). Measuring through a hidden,
//!   styled `<span>` forces a layout for every label (a third of the drawing time when it was
//!   measured) and needs an inline style, which the page's Content-Security-Policy blocks.
//! - **The context's pen is remembered**: a colour, line width, font or alignment is sent to
//!   the canvas only when it differs from the one already set. Every style sent is a string
//!   built in Rust and decoded again in JavaScript; a chart's grid lines, ticks and labels
//!   share a handful of styles, so most were repeats (the profile put the strings alone at
//!   0.8 ms per input for the six charts; BENCHMARKS.md).
//!
//! The drawing operations themselves (paths, rectangles, text) are those of the Canvas 2-D
//! API, in the order plotters asks for them, so what ends up on the canvas is unchanged. What
//! the charts rarely draw (single pixels, circles, bitmaps) goes to plotters-canvas.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A refusal of the canvas (it should not happen in practice), with what the browser said.
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the canvas refused to draw: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

fn refused(e: JsValue) -> DrawingErrorKind<CanvasError> {
    refused_text(format!("{e:?}"))
}

fn refused_text(why: String) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(why))
}

/// A colour as the canvas takes it, and as it is compared with the one already set.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Colour {
    rgb: (u8, u8, u8),
    alpha: f64,
}

impl Colour {
    fn of(color: BackendColor) -> Self {
        Self {
            rgb: color.rgb,
            alpha: color.alpha,
        }
    }

    fn css(self) -> String {
        let (r, g, b) = self.rgb;
        format!("rgba({r},{g},{b},{})", self.alpha)
    }
}

/// What the context has been given so far (`None`: not yet, so the next one is sent).
#[derive(Default)]
struct Pen {
    stroke: Option<Colour>,
    width: Option<u32>,
    fill: Option<Colour>,
    /// Weight (style), size in pixels, family.
    font: Option<(String, f64, String)>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
}

/// A plotters backend drawing on one `<canvas>` (see the module's notes).
pub struct MeasuringCanvas {
    /// plotters-canvas, for what the charts rarely draw (single pixels, circles, bitmaps).
    inner: CanvasBackend,
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    pen: std::cell::RefCell<Pen>,
}

impl MeasuringCanvas {
    /// `None` when the canvas gives no 2-D context.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Self> {
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()?
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        Some(Self {
            inner: CanvasBackend::with_canvas_object(canvas.clone())?,
            canvas: canvas.clone(),
            context,
            pen: std::cell::RefCell::new(Pen::default()),
        })
    }

    /// Draws with plotters-canvas, which sets the context's styles itself: the pen then
    /// forgets what it remembered.
    fn delegate(
        &mut self,
        draw: impl FnOnce(
            &mut CanvasBackend,
        )
            -> Result<(), DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>,
    ) -> Drawn {
        let drawn = draw(&mut self.inner).map_err(|e| match e {
            DrawingErrorKind::DrawingError(e) => refused_text(e.to_string()),
            DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
        });
        *self.pen.borrow_mut() = Pen::default();
        drawn
    }

    fn stroke_with<S: BackendStyle>(&self, style: &S) {
        let mut pen = self.pen.borrow_mut();
        let colour = Colour::of(style.color());
        if pen.stroke != Some(colour) {
            self.context.set_stroke_style_str(&colour.css());
            pen.stroke = Some(colour);
        }
        let width = style.stroke_width();
        if pen.width != Some(width) {
            self.context.set_line_width(f64::from(width));
            pen.width = Some(width);
        }
    }

    fn fill_with(&self, color: BackendColor) {
        let mut pen = self.pen.borrow_mut();
        let colour = Colour::of(color);
        if pen.fill != Some(colour) {
            self.context.set_fill_style_str(&colour.css());
            pen.fill = Some(colour);
        }
    }

    fn font<S: BackendTextStyle>(&self, style: &S) {
        let (weight, size, family) = (style.style(), style.size(), style.family());
        let mut pen = self.pen.borrow_mut();
        // Compared by its parts, so that a font already set costs no string.
        let same = pen
            .font
            .as_ref()
            .is_some_and(|(w, z, f)| w == weight.as_str() && *z == size && f == family.as_str());
        if !same {
            let (weight, family) = (weight.as_str().to_string(), family.as_str().to_string());
            self.context
                .set_font(&format!("{weight} {size}px {family}"));
            pen.font = Some((weight, size, family));
        }
    }

    fn anchor<S: BackendTextStyle>(&self, style: &S) {
        let anchor = style.anchor();
        let align = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Center => "center",
            HPos::Right => "end",
        };
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let mut pen = self.pen.borrow_mut();
        if pen.align != Some(align) {
            self.context.set_text_align(align);
            pen.align = Some(align);
        }
        if pen.baseline != Some(baseline) {
            self.context.set_text_baseline(baseline);
            pen.baseline = Some(baseline);
        }
    }

    /// Traces the points as one path, closed or not.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>, close: bool) {
        self.context.begin_path();
        let mut points = points.into_iter();
        if let Some((x, y)) = points.next() {
            self.context.move_to(f64::from(x), f64::from(y));
            for (x, y) in points {
                self.context.line_to(f64::from(x), f64::from(y));
            }
            if close {
                self.context.close_path();
            }
        }
    }
}

/// A horizontal or vertical one-pixel line sits on pixel centres (half a pixel up or left),
/// so that it covers one row or column sharply instead of two, blurred.
fn on_pixel_centres(from: BackendCoord, to: BackendCoord) -> [(f64, f64); 2] {
    let (mut a, mut b) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    [a, b]
}

impl DrawingBackend for MeasuringCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        self.delegate(|inner| inner.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let [a, b] = on_pixel_centres(from, to);
        self.stroke_with(style);
        self.context.begin_path();
        self.context.move_to(a.0, a.1);
        self.context.line_to(b.0, b.1);
        self.context.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (
            f64::from(bottom_right.0 - upper_left.0),
            f64::from(bottom_right.1 - upper_left.1),
        );
        if fill {
            self.fill_with(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.stroke_with(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.stroke_with(style);
        self.trace(path, false);
        self.context.stroke();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        self.delegate(|inner| inner.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.fill_with(style.color());
        self.trace(vertices, true);
        self.context.fill();
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        // The pen is set before any rotation's save(), so the restore() after it puts back
        // exactly what the pen remembers.
        self.fill_with(style.color());
        self.font(style);
        self.anchor(style);
        let turn = match style.transform() {
            FontTransform::None => None,
            FontTransform::Rotate90 => Some(std::f64::consts::FRAC_PI_2),
            FontTransform::Rotate180 => Some(std::f64::consts::PI),
            FontTransform::Rotate270 => Some(3.0 * std::f64::consts::FRAC_PI_2),
        };
        let (x, y) = (f64::from(pos.0), f64::from(pos.1));
        match turn {
            None => self.context.fill_text(text, x, y).map_err(refused)?,
            Some(angle) => {
                self.context.save();
                let drawn = self
                    .context
                    .translate(x, y)
                    .and_then(|()| self.context.rotate(angle))
                    .and_then(|()| self.context.fill_text(text, 0.0, 0.0));
                self.context.restore();
                drawn.map_err(refused)?;
            }
        }
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        self.font(style);
        let metrics = self.context.measure_text(text).map_err(refused)?;
        // Height: the font size, as plotters' own layout uses for a line of text.
        Ok((metrics.width().ceil() as u32, style.size().ceil() as u32))
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Drawn {
        self.delegate(|inner| inner.blit_bitmap(pos, size, src))
    }
}
