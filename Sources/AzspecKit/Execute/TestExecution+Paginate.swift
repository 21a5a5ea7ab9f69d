import AzspecCore

/// `paginate`: ARM's `nextLink` followed page by page (each sent like the first, with the identity's token, to the
/// first page's host only), and the `value` arrays joined into one body the assertions see.
extension TestExecution {
    func paginate(_ first: Exchange, token: AccessToken?, limit: Int) async -> Result<Exchange, StageEnd> {
        guard first.response.status == 200 else { return .success(first) }
        guard case .success(let document) = first.body.parsed, var object = document.objectValue,
            var items = object["value"]?.arrayValue
        else {
            let message = "paginate: the first page is not a list (a JSON object with a 'value' array)"
            return .failure(StageEnd(errored(message, type: "InvalidResponse", details: message, exchange: first)))
        }
        var seen: Set<String> = [first.request.url]
        var pages = 1
        var next = object["nextLink"]?.stringValue
        while let link = next, !link.isEmpty {
            func stop(_ problem: String) -> Result<Exchange, StageEnd> {
                let message = "paginate: \(problem)"
                return .failure(StageEnd(errored(message, type: "PagingError", details: message, exchange: first)))
            }
            guard TokenRouting.sameOrigin(link, as: first.request.url) else {
                return stop(
                    "the nextLink of page \(pages) leads to another origin (\(Origin(url: link)?.description ?? link)); nothing was sent there"
                )
            }
            guard seen.insert(link).inserted else { return stop("the nextLink of page \(pages) leads back to a page already read") }
            guard pages < limit else { return stop("more than \(limit) pages; raise paginate: N (up to 1000) to read further") }
            if let problem = RequestSyntax.urlProblem(link) { return stop("the nextLink of page \(pages) \(problem)") }
            var request = first.request.followUp(link)
            let response: HTTPResponse
            switch await send(&request, token: token) {
            case .failure(let end): return .failure(end)
            case .success(let reply): response = reply
            }
            pages += 1
            let page = Exchange(request: request, response: response)
            collectSecrets(of: page, captured: [], parsing: true)
            guard response.status == 200 else {
                return stop(
                    "page \(pages) answered \(ARMErrorBody.status(response.status, page.body))"
                        + (ARMErrorBody(page.body).map { ": \($0.message)" } ?? ""))
            }
            guard case .success(let pageDocument) = page.body.parsed, let pageItems = pageDocument["value"]?.arrayValue else {
                return stop("page \(pages) is not a list (a JSON object with a 'value' array)")
            }
            items += pageItems
            next = pageDocument["nextLink"]?.stringValue
        }
        log.add("paginate: \(Plural.count(pages, "page")), \(Plural.count(items.count, "item")) in all")
        object["value"] = .array(items)
        object["nextLink"] = nil
        var joined = first.response
        joined.body = Array(JSONValue.object(object).serialized.utf8)
        return .success(Exchange(request: first.request, response: joined))
    }
}
