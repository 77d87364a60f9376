using AutoMapper;
using FluentValidation;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.Validation;
using Talkover.Domain.PhoneNumbers;

namespace Talkover.Application.PhoneNumbers.ListPhoneNumbers;

/// <summary>The environment's active numbers, newest first. <c>search</c> matches part of the number, or an exact id.</summary>
public sealed record ListPhoneNumbersQuery(
    Guid EnvironmentId,
    Input<string> Type,
    Input<bool> HasVoice,
    Input<bool> HasWhatsapp,
    Input<string> Search,
    PageRequest Page) : IQuery<Paged<PhoneNumberDto>>;

/// <summary>The filters as the read side takes them; null means "any".</summary>
public sealed record PhoneNumberFilter(string? Type, bool? HasVoice, bool? HasWhatsapp, string? NumberContains, Guid? Id);

internal sealed class ListPhoneNumbersQueryValidator : AbstractValidator<ListPhoneNumbersQuery>
{
    public ListPhoneNumbersQueryValidator()
    {
        RuleFor(x => x.Type).Cascade(CascadeMode.Stop).OfType("a string").OneOf(PhoneNumberTypes.All);
        RuleFor(x => x.HasVoice).OfType("true or false");
        RuleFor(x => x.HasWhatsapp).OfType("true or false");
        RuleFor(x => x.Search).Cascade(CascadeMode.Stop).OfType("a string")
            .Meets(text => text.Length > LikePattern.MaxSearchLength ? $"must be at most {LikePattern.MaxSearchLength} characters" : null);
        this.AddPagingRules(x => x.Page);
    }
}

internal sealed class ListPhoneNumbersQueryHandler(IPhoneNumberQueries queries, IMapper mapper, TimeProvider clock)
    : IRequestHandler<ListPhoneNumbersQuery, Paged<PhoneNumberDto>>
{
    public async Task<Paged<PhoneNumberDto>> Handle(ListPhoneNumbersQuery query, CancellationToken cancellationToken)
    {
        var search = query.Search.ValueOr(null)?.Trim();
        var filter = new PhoneNumberFilter(
            query.Type.ValueOr(null),
            query.HasVoice.IsProvided ? query.HasVoice.Value : null,
            query.HasWhatsapp.IsProvided ? query.HasWhatsapp.Value : null,
            string.IsNullOrEmpty(search) ? null : search,
            Guid.TryParseExact(search, "D", out var id) ? id : null);

        var (items, total) = await queries.ListAsync(query.EnvironmentId, filter, query.Page, cancellationToken);
        return new Paged<PhoneNumberDto>([.. items.Select(item => mapper.MapPhoneNumber(item, clock))], PageMeta.For(query.Page, total));
    }
}
