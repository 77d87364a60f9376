namespace Talkover.Application.Abstractions;

/// <summary>Marker the transaction behaviour looks for.</summary>
public interface ITransactional;
