package se.samverka.identity.page;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows: its language, and the link to the same page in the other one. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    @ModelAttribute
    void language(HttpServletRequest request, Model model) {
        String language = PageLanguage.pageLanguage(request);
        String other = "sv".equals(language) ? "en" : "sv";
        model.addAttribute("lang", language);
        model.addAttribute("otherLang", other);
        model.addAttribute("languageLink", request.getRequestURI() + "?" + PageLanguage.PARAMETER + "=" + other);
    }
}
