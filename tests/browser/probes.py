"""What the browser tests measure inside a page: JavaScript run by Playwright, and the Python
that reads its answers. Every finding names its element, so that a failure says what to fix."""

import re

# axe-core's WCAG 2.0 and 2.1 rules, levels A and AA.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
RUN_AXE = "async (options) => await axe.run(document, options)"

# A short, readable name for an element: tag#id.class "text".
DESCRIBE = """
const describe = (el) => {
  if (!el || el.nodeType !== 1) return String(el);
  let name = el.tagName.toLowerCase();
  if (el.id) name += '#' + el.id;
  const classes = (el.getAttribute('class') || '').trim().split(/\\s+/).filter(Boolean);
  if (classes.length) name += '.' + classes.join('.');
  const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim();
  return text ? `${name} "${text.replace(/\\s+/g, ' ').slice(0, 50)}"` : name;
};
"""

# Horizontal overflow of the page, and the elements that stick out of the viewport.
OVERFLOW = (
    "() => {"
    + DESCRIBE
    + """
  const root = document.documentElement;
  const width = root.clientWidth;
  const overflow = root.scrollWidth - width;
  const culprits = [];
  if (overflow > 0) {
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width && rect.right > width + 1) {
        culprits.push(describe(el) + ` (right edge ${Math.round(rect.right)}px)`);
      }
    }
  }
  return {width, overflow, culprits: culprits.slice(-5)};
}
"""
)

# Lines of text that overlap other text, and text cut off by its box.
TEXT_OVERLAPS = (
    "() => {"
    + DESCRIBE
    + """
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node, index = 0;
  while ((node = walker.nextNode())) {
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.opacity === '0') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width <= 1 || r.height <= 1) continue;  // visually hidden text
      const top = r.top + scrollY, bottom = r.bottom + scrollY;
      boxes.push({index, el, left: r.left, top, right: r.right, bottom});
    }
    index++;
  }
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j];
      if (a.index === b.index) continue;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w <= 0 || h <= 0) continue;
      const area = (box) => (box.right - box.left) * (box.bottom - box.top);
      const smaller = Math.min(area(a), area(b));
      if (w * h > 0.25 * smaller) overlaps.push(`${describe(a.el)} overlaps ${describe(b.el)}`);
    }
  }
  const clipped = [];
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (!['hidden', 'clip'].includes(style.overflowX)) continue;
    if (!el.innerText || !el.innerText.trim()) continue;
    if (el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1) {
      clipped.push(describe(el) + ' cuts its text off');
    }
  }
  return [...new Set(overlaps)].slice(0, 10).concat(clipped.slice(0, 10));
}
"""
)

# Tag every element a keyboard user should reach; return their names in document order.
TAG_FOCUSABLES = (
    "() => {"
    + DESCRIBE
    + """
  const selector = 'a[href], area[href], button:not([disabled]), ' +
    'input:not([type=hidden]):not([disabled]), select:not([disabled]), ' +
    'textarea:not([disabled]), summary, iframe, [tabindex]';
  const names = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.tabIndex < 0 || el.closest('[inert]')) continue;
    const style = getComputedStyle(el);
    if (!el.getClientRects().length || style.visibility === 'hidden') continue;
    el.dataset.kbd = names.length;
    names.push(describe(el));
  }
  return names;
}
"""
)

# The focused element: which one, whether its focus shows, on what background.
FOCUSED = (
    "() => {"
    + DESCRIBE
    + """
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  let background = null, gradient = false;
  for (let up = el.parentElement; up; up = up.parentElement) {
    const s = getComputedStyle(up);
    if (s.backgroundImage && s.backgroundImage !== 'none') { gradient = true; break; }
    const colour = s.backgroundColor;
    if (colour && colour !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(colour)) {
      background = colour; break;
    }
  }
  // The indicator may be drawn by a container that styles :focus-within (a clickable card).
  let indicator = style;
  for (let up = el.parentElement, depth = 0; up && depth < 4; up = up.parentElement, depth++) {
    if (indicator.outlineStyle !== 'none') break;
    const s = getComputedStyle(up);
    if (up.matches(':focus-within') && s.outlineStyle !== 'none') indicator = s;
  }
  const rect = el.getBoundingClientRect();
  return {
    index: el.dataset.kbd === undefined ? null : Number(el.dataset.kbd),
    name: describe(el),
    tag: el.tagName.toLowerCase(),
    outlineStyle: indicator.outlineStyle,
    outlineWidth: parseFloat(indicator.outlineWidth) || 0,
    outlineColor: indicator.outlineColor,
    boxShadow: style.boxShadow,
    background: background || (gradient ? null : 'rgb(255, 255, 255)'),
    inViewport: rect.bottom > 0 && rect.right > 0
      && rect.top < innerHeight && rect.left < innerWidth,
  };
}
"""
)

RGB = re.compile(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)")


def luminance(css_colour):
    red, green, blue = (float(part) / 255 for part in RGB.match(css_colour).groups())

    def channel(value):
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def focus_problem(focused):
    """Why the focus of this element cannot be seen, or None (WCAG 2.4.7 and 1.4.11)."""
    if not focused["inViewport"]:
        return "is focused outside the viewport"
    has_outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2
    if not has_outline and focused["boxShadow"] in ("", "none"):
        return "shows no focus indicator (no outline of 2px or more, no box-shadow)"
    if has_outline and focused["background"]:
        ratio = contrast(focused["outlineColor"], focused["background"])
        if ratio < 3:
            return (
                f"has a focus outline {focused['outlineColor']} of contrast {ratio:.1f}:1 "
                f"on {focused['background']} (3:1 needed)"
            )
    return None


def axe_failures(url, results):
    """One line per element: the page, the rule, its impact, the element."""
    lines = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(
                f"{url}: [{violation['impact']}] {violation['id']} ({violation['help']}) "
                f"at {target}: {node['html'][:160]}"
            )
    return lines
